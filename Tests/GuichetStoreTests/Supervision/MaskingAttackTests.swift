import Foundation
import GuichetCore
import Testing

@testable import GuichetStore

/// Finding 8 of issue 13: a masked cell of a published report can be recovered by subtraction from its total
/// and its siblings. The attack (`MaskingAttack`, also run by `guichet bench --only attacks`) writes every report
/// of a demonstration year in every format, reads them back and tries every published sum.
@Suite(.serialized) struct MaskingAttackTests {
  struct Failure: Error, Sendable { var text: String }

  /// The year's reports, computed once for the suite.
  static let year: Result<[(title: String, figures: SupervisionFigures)], Failure> = Result {
    try reports()
  }.mapError { Failure(text: "\($0)") }

  static func reports() throws -> [(title: String, figures: SupervisionFigures)] {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "guichet-masking-\(ProcessInfo.processInfo.processIdentifier)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let database = try MaskingAttack.demoYear(
      at: folder.appendingPathComponent("year.sqlite").path)
    return try MaskingAttack.reports(database, year: 2025)
  }

  @Test func theDemonstrationYearHasSmallCellsInItsReports() throws {
    let reports = try Self.year.get()
    #expect(reports.count > 400)
    let monthly = reports.filter { $0.figures.period.kind == .month }
    #expect(monthly.count >= 12)
    // Desks of a month, days of a year: the cells of 1 to 4 people the attack goes after.
    let smallDesks = monthly.flatMap { $0.figures.lines() }.filter {
      $0.group == SupervisionDimension.desk.label && $0.isSmall
    }
    #expect(!smallDesks.isEmpty)
    #expect(
      reports.flatMap { $0.figures.lines() }.contains {
        $0.unit == .visits && (1...4).contains($0.people.first ?? 0) && $0.isSmall
      })
  }

  @Test func noMaskedCellIsRecoveredFromAnyPublishedReport() throws {
    let outcome = try MaskingAttack.run(try Self.year.get())
    #expect(outcome.smallCells > 100)
    #expect(outcome.maskedCells >= outcome.smallCells)
    #expect(outcome.recovered.isEmpty, "\(outcome.recovered.prefix(20))")
  }

  /// The same attack on the primary rule alone finds cells back: the test above can fail.
  @Test func withoutSecondarySuppressionTheAttackRecoversCells() throws {
    let outcome = try MaskingAttack.run(try Self.year.get(), secondary: false)
    #expect(outcome.smallCells > 100)
    #expect(outcome.recovered.count > 10)
    // Among them a desk from its site and a day from its month's total, as in the finding.
    #expect(outcome.recovered.contains { $0.contains("|Poste|") })
    #expect(outcome.recovered.contains { $0.contains("|Jour|") })
  }
}
