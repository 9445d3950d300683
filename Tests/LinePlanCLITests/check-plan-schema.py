#!/usr/bin/env python3
"""Validates plan.json files against Topologies/plan.schema.json (JSON Schema draft 2020-12).

    check-plan-schema.py SCHEMA PATH...

Each PATH is a plan.json, or a folder searched for plan.json files (the golden bundles,
Tests/LinePlanCLITests/Golden/<order>/{en,zh}/plan.json). Every violation is printed as
`file: JSON path: message`, and the exit status is 1 when there is one. Before that the schema is
checked to be a valid draft 2020-12 schema, and broken copies of the first plan that has sites (an
unknown key, an unknown finding code or parameter, a parameter of the wrong type, a missing key, a
value outside its enum or pattern) must be refused, so that a schema that accepts anything cannot pass. Needs PyPI's jsonschema.
"""

import copy
import json
import pathlib
import sys

import jsonschema


def plan_files(paths):
    files = []
    for path in map(pathlib.Path, paths):
        if path.is_dir():
            files += sorted(path.rglob("plan.json"))
        else:
            files.append(path)
    return files


def messages(validator, document):
    """Every violation as (JSON path, message), with why each branch of an anyOf failed."""
    found = []
    for error in sorted(validator.iter_errors(document), key=lambda error: list(map(str, error.absolute_path))):
        message = error.message
        if error.validator == "enum" and len(error.validator_value) > 12:
            message = f"{error.instance!r} is not one of the {len(error.validator_value)} allowed values"
        if error.context:
            causes = sorted({cause.message for cause in error.context if cause.validator != "type"})
            message += f" ({'; '.join(causes or [cause.message for cause in error.context])})"
        found.append((error.json_path, message))
    return found


def first(document, predicate, path="$"):
    """The first (container, key, path) in document order whose value satisfies predicate, or None."""
    items = document.items() if isinstance(document, dict) else enumerate(document) if isinstance(document, list) else []
    for key, value in items:
        here = f"{path}.{key}" if isinstance(key, str) else f"{path}[{key}]"
        if predicate(key, value):
            return document, key, here
        inner = first(value, predicate, here)
        if inner:
            return inner
    return None


def broken_copies(plan):
    """Copies of a plan the schema must refuse, each with what was broken."""
    copies = []

    def broken(what, change):
        document = copy.deepcopy(plan)
        try:
            if change(document) is False:
                return
        except (IndexError, KeyError):
            return
        copies.append((what, document))

    def set_value(predicate, new_value):
        def change(document):
            found = first(document, predicate)
            if not found:
                return False
            container, key, _ = found
            container[key] = new_value(container[key])
        return change

    broken("an unknown top-level key", lambda d: d.update({"unexpectedKey": 1}))
    broken("an unknown key in a site", lambda d: d["sites"][0].update({"unexpectedKey": "x"}))
    broken("a missing key (reply.due)", lambda d: d["reply"].pop("due"))
    broken("a role outside its enum", lambda d: d["sites"][0].update({"role": "nobody"}))
    broken("a malformed prefix", set_value(lambda k, v: k == "interconnect" and isinstance(v, str), lambda v: v + "/"))
    is_finding = lambda k, v: isinstance(v, dict) and "code" in v and "parameters" in v
    broken("an unknown finding code", set_value(is_finding, lambda f: {**f, "code": "no-such-code"}))
    broken("an unknown finding parameter", set_value(
        is_finding, lambda f: {**f, "parameters": {**f["parameters"], "unexpected": 1}}))
    broken("a number parameter written as text", set_value(
        lambda k, v: k == "parameters" and any(isinstance(x, int) and not isinstance(x, bool) for x in v.values()),
        lambda p: {k: str(x) if isinstance(x, int) else x for k, x in p.items()}))
    broken("a finding without its text", set_value(is_finding, lambda f: {k: x for k, x in f.items() if k != "text"}))
    return copies


def main(arguments):
    if len(arguments) < 2:
        sys.exit(__doc__)
    schema_path, paths = pathlib.Path(arguments[0]), arguments[1:]
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    if validator_class is not jsonschema.Draft202012Validator:
        sys.exit(f"{schema_path}: expected a draft 2020-12 schema")
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)

    files = plan_files(paths)
    if not files:
        sys.exit(f"no plan.json under {' '.join(paths)}")
    failures = 0
    plans = []
    for file in files:
        plan = json.loads(file.read_text(encoding="utf-8"))
        plans.append(plan)
        for path, message in messages(validator, plan):
            print(f"{file}: {path}: {message}")
            failures += 1

    # The self-check: broken copies of the first plan with sites must be refused, or the check proves nothing.
    file, plan = next(((file, plan) for file, plan in zip(files, plans) if plan.get("sites")), (files[0], plans[0]))
    copies = broken_copies(plan)
    accepted = [what for what, document in copies if validator.is_valid(document)]
    for what in accepted:
        print(f"{schema_path}: accepts a plan with {what} (self-check on {file})")
    if len(copies) < 9:
        print(f"{file}: only {len(copies)} of the 9 broken copies could be made for the self-check")
        accepted.append("too few broken copies")

    if failures or accepted:
        print(f"plan.json schema: {failures} violation(s) in {len(files)} file(s), {len(accepted)} self-check failure(s)")
        return 1
    print(f"plan.json schema: {len(files)} file(s) valid against {schema_path}; the broken copies are refused")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
