// libFuzzer's driver, for an entry point that sets up before fuzzing (issue 13). It is linked only when
// building with -sanitize=fuzzer (see README, "Fuzzing"); an ordinary build declares it and never calls it.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
