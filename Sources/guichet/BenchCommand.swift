import ArgumentParser
import Foundation

struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract:
      "Mesure les performances et affiche un objet JSON par mesure (name, unit, p50, p99, n).")

  func run() throws {
  }
}
