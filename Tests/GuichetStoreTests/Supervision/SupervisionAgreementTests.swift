import Foundation
import GuichetCore
import GuichetUI
import Testing

@testable import GuichetStore

/// The dashboard, the CSV export and the Markdown report show the same figures for the same period: each
/// reads the store's one definition per indicator, and each figure is checked across the three.
@Suite struct SupervisionAgreementTests {
  static func data() throws -> (AppDatabase, SupervisionPeriod) {
    let setup = try BookingSetup.make()
    let workplace = setup.workplace
    let monday = BookingSetup.monday
    for index in 0..<14 {
      let visit = try setup.database.save(
        SupervisionStoreTests.visit(
          workplace, on: monday.adding(days: index % 5), at: 9 + index % 6, index,
          wait: Double(index * 3), public: index % 3 == 0 ? .employee : .jobSeeker,
          channel: index % 4 == 0 ? .phone : .walkIn,
          outcome: index % 7 == 0 ? .noAnswer : .information,
          reason: index % 7 == 0 ? .outOfScope : nil), by: .commandLine)
      if index % 2 == 0 {
        try setup.database.recordSatisfaction(5 - index % 3, visitID: visit.id!, by: .commandLine)
      }
    }
    let appointment = try setup.book(try setup.slot(monday.adding(days: 2), 9))
    _ = try setup.database.recordAttendance(
      reference: appointment.reference, as: .seen,
      by: .commandLine, now: BookingSetup.now.addingTimeInterval(5 * 86_400))
    return (setup.database, SupervisionPeriod(.month, containing: monday))
  }

  /// CSV records keyed by indicator, breakdown and item.
  static func csvValues(_ text: String) -> [String: String] {
    var values: [String: String] = [:]
    for record in text.split(separator: "\r\n").dropFirst() {
      let fields = record.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      guard fields.count == 8 else { continue }
      values["\(fields[2])|\(fields[3])|\(fields[4])"] = fields[5]
    }
    return values
  }

  /// Markdown table rows keyed the same way, under each indicator's heading.
  static func markdownValues(_ text: String) -> [String: String] {
    var values: [String: String] = [:]
    var indicator = ""
    for line in text.split(separator: "\n") {
      if line.hasPrefix("## ") { indicator = String(line.dropFirst(3)) }
      let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
      guard line.hasPrefix("| "), cells.count == 3, cells[0] != "Ventilation" else { continue }
      values["\(indicator)|\(cells[0])|\(cells[1])"] = cells[2]
    }
    return values
  }

  @Test func screenCSVAndReportAgreeOnTheSamePeriod() throws {
    let (database, period) = try Self.data()
    let screenFigures = try database.supervisionFigures(period: period, by: .commandLine)
    let csv = Self.csvValues(
      SupervisionExport.csv(try database.supervisionFigures(period: period, by: .commandLine)))
    let markdown = Self.markdownValues(
      SupervisionExport.markdown(
        try database.supervisionFigures(period: period, by: .commandLine), title: "Bilan"))
    let lines = screenFigures.lines().filter { $0.indicator != .dailyVolume }
    #expect(screenFigures.visits == 15)
    #expect(lines.count > 40)
    for line in lines {
      let key = "\(line.indicator.label)|\(line.group)|\(line.item)"
      #expect(csv[key] == (line.masked ? "< 5" : line.plainValue), "\(key)")
      #expect(markdown[key] == (line.masked ? "< 5" : line.frenchValue), "\(key)")
    }
    // The screen shows every figure of every panel, as the report writes it.
    var state = DashboardScreen.State(period: period)
    state.figures = screenFigures
    var context = AppContext(
      workplace: Workplace(siteID: 1, siteName: "CIO Vienne", deskID: 1, deskName: "Poste 1"),
      now: BookingSetup.now)
    context.asciiCharts = false
    let screenIndicators: Set<Indicator> = [
      .funnel, .appointmentDelay, .noShow, .deskWait, .satisfaction, .unmetDemand,
    ]
    for panel in DashboardPanel.allCases {
      state.panel = panel
      var canvas = Canvas(size: Size(width: 120, height: 40))
      DashboardScreen.render(state, in: canvas.bounds, on: &canvas, context: context)
      let rows = canvas.text.split(separator: "\n").map(String.init)
      for line in lines
      where panel.indicators.contains(line.indicator) && screenIndicators.contains(line.indicator) {
        if line.group == "Part des visites" { continue }
        let shown = line.frenchValue + (line.masked ? " *" : "")
        #expect(
          rows.contains { $0.contains(String(line.item.prefix(14))) && $0.contains(shown) },
          "\(panel) \(line.item) \(shown)")
      }
    }
    state.panel = .volumes
    var canvas = Canvas(size: Size(width: 120, height: 40))
    DashboardScreen.render(state, in: canvas.bounds, on: &canvas, context: context)
    #expect(canvas.text.contains("\(csv["Visites|Total|Toutes les visites"] ?? "?") visites"))
  }
}
