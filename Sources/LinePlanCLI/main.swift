import Foundation

let status = LinePlanCommand.run(Array(CommandLine.arguments.dropFirst()))
exit(status.rawValue)
