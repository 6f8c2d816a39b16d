import Foundation
import GuichetCore
import Testing

@testable import GuichetUI

@Suite struct DashboardScreenTests {
  static func state() -> DashboardScreen.State {
    var state = DashboardScreen.State(period: DashboardFixture.period)
    state.figures = DashboardFixture.figures()
    return state
  }

  @Test func homeOpensTheDashboardOnTodayWithItsLoad() {
    var app = Fixture.app(as: .supervisor)
    let effect = App.reduce(&app, .key(.char("t")))
    guard case .dashboard(let dashboard) = app.top else {
      Issue.record("dashboard not open")
      return
    }
    #expect(
      dashboard.period
        == SupervisionPeriod(.day, containing: LocalDate(year: 2026, month: 11, day: 30)!))
    #expect(effect == .supervision(.load(dashboard.period, SupervisionFilter())))
  }

  @Test func arrowsMoveThePeriodAndLettersChangeItsLength() {
    var state = Self.state()
    let context = Fixture.context
    var effect = DashboardScreen.reduce(&state, .key(.right), context: context)
    #expect(state.period.label == "avril 2026")
    #expect(effect == .supervision(.load(state.period, state.filter)))
    #expect(state.current == nil)
    _ = DashboardScreen.reduce(&state, .key(.char("a")), context: context)
    #expect(
      state.period == SupervisionPeriod(.year, containing: LocalDate(year: 2026, month: 4, day: 1)!)
    )
    _ = DashboardScreen.reduce(&state, .key(.left), context: context)
    #expect(state.period.label == "année 2025")
    _ = DashboardScreen.reduce(&state, .key(.char("s")), context: context)
    #expect(state.period.kind == .week && state.period.first.weekday == .monday)
    effect = DashboardScreen.reduce(&state, .key(.char("t")), context: context)
    #expect(
      state.period
        == SupervisionPeriod(.week, containing: LocalDate(year: 2026, month: 11, day: 30)!))
    #expect(effect != .none)
  }

  /// M from the year 2025 opens that year's month of today (November, as today is 30/11/2026), not January.
  @Test func zoomingInKeepsTodaysPlaceInThePeriod() {
    var state = Self.state()
    let context = Fixture.context
    state.period = SupervisionPeriod(.year, containing: LocalDate(year: 2025, month: 6, day: 1)!)
    _ = DashboardScreen.reduce(&state, .key(.char("m")), context: context)
    #expect(state.period.label == "novembre 2025")
    _ = DashboardScreen.reduce(&state, .key(.char("j")), context: context)
    #expect(state.period.first == LocalDate(year: 2025, month: 11, day: 30)!)
    state.period = SupervisionPeriod(.year, containing: LocalDate(year: 2026, month: 1, day: 1)!)
    _ = DashboardScreen.reduce(&state, .key(.char("m")), context: context)
    #expect(state.period.label == "novembre 2026")
  }

  /// « 15 271 visites » grouped by a no-break space, « 0 visite », « Année 2026 », and no « données réelles
  /// uniquement » over a period without data.
  @Test func figuresReadAsFrenchAndAnEmptyPeriodSaysNothingOfItsData() {
    var state = Self.state()
    state.period = SupervisionPeriod(.year, containing: LocalDate(year: 2026, month: 1, day: 1)!)
    var year = DashboardFixture.figures(period: state.period)
    year.visits = 15_271
    year.funnel.visits = 15_271
    state.figures = year
    var app = Fixture.app(size: Size(width: 100, height: 30), as: .supervisor)
    app.screens.append(.dashboard(state))
    let text = App.render(app).text
    #expect(text.contains("15\u{00A0}271 visites"))
    #expect(text.contains(" Année 2026 "))
    #expect(!text.contains("Année · année"))
    #expect(text.contains("Données réelles uniquement"))

    var empty = SupervisionFigures(
      period: state.period, filter: state.filter, names: year.names)
    empty.daily = []
    state.figures = empty
    app.screens[app.screens.count - 1] = .dashboard(state)
    let nothing = App.render(app).text
    #expect(nothing.contains(" 0 visite "))
    #expect(!nothing.contains("Données réelles uniquement"))
  }

  @Test func aDateIsTypedAndAWrongOneIsExplained() {
    var state = Self.state()
    let context = Fixture.context
    _ = DashboardScreen.reduce(&state, .key(.char("j")), context: context)
    _ = DashboardScreen.reduce(&state, .key(.char("d")), context: context)
    for c in "31/02/2026" { _ = DashboardScreen.reduce(&state, .key(.char(c)), context: context) }
    _ = DashboardScreen.reduce(&state, .key(.enter), context: context)
    #expect(state.error?.contains("Date invalide") == true)
    for _ in 0..<10 { _ = DashboardScreen.reduce(&state, .key(.backspace), context: context) }
    for c in "14/03/2026" { _ = DashboardScreen.reduce(&state, .key(.char(c)), context: context) }
    let effect = DashboardScreen.reduce(&state, .key(.enter), context: context)
    #expect(state.dateEntry == nil)
    #expect(
      state.period == SupervisionPeriod(.day, containing: LocalDate(year: 2026, month: 3, day: 14)!)
    )
    #expect(effect == .supervision(.load(state.period, state.filter)))
  }

  @Test func enterFiltersOnTheHighlightedRowAndBackspaceRemovesIt() {
    var state = Self.state()
    let context = Fixture.context
    #expect(
      state.rows.map(\.code)
        == ["job_seeker", "employee", "senior", "disability", "initial_education"].sorted {
          PublicCategory.allCases.map(\.rawValue).firstIndex(of: $0)! < PublicCategory.allCases.map(
            \.rawValue
          ).firstIndex(of: $1)!
        })
    _ = DashboardScreen.reduce(&state, .key(.down), context: context)
    let chosen = state.rows[1].code
    let effect = DashboardScreen.reduce(&state, .key(.enter), context: context)
    #expect(state.filter.values == [.publicCategory: chosen])
    #expect(state.breakdown == .site)
    #expect(effect == .supervision(.load(state.period, state.filter)))
    _ = DashboardScreen.reduce(&state, .key(.backspace), context: context)
    #expect(state.filter.values.isEmpty)
    #expect(state.breakdown == .publicCategory)
    _ = DashboardScreen.reduce(&state, .key(.char("r")), context: context)
    #expect(state.filter.synthetic == .exclude)
  }

  @Test func aLateAnswerForAnotherPeriodIsIgnored() {
    var state = Self.state()
    _ = DashboardScreen.reduce(&state, .key(.right), context: Fixture.context)
    _ = DashboardScreen.reduce(
      &state, .loaded(DashboardFixture.figures()), context: Fixture.context)
    #expect(state.current == nil)
    _ = DashboardScreen.reduce(
      &state, .loaded(DashboardFixture.figures(period: state.period)), context: Fixture.context)
    #expect(state.current?.visits == 240)
  }

  @Test func f1ExplainsTheFocusedIndicator() {
    var app = DashboardFixture.app()
    _ = App.reduce(&app, .key(.tab))
    _ = App.reduce(&app, .key(.tab))
    _ = App.reduce(&app, .key(.function(1)))
    guard case .help(let help) = app.top else {
      Issue.record("no help")
      return
    }
    #expect(help.screenTitle == "Tableau de bord — Délai")
    #expect(help.purpose.contains(Indicator.appointmentDelay.definition))
    #expect(help.purpose.contains("Sources : \(Indicator.appointmentDelay.source)"))
  }

  @Test func smallCellsAreMarkedOnScreen() {
    let text = App.render(DashboardFixture.app()).text
    let disability = text.split(separator: "\n").first { $0.contains("Personne handicapée") }
    #expect(disability?.contains("3 *") == true)
    let employee = text.split(separator: "\n").first { $0.contains("Salarié") }
    #expect(employee?.contains("*") == false)
  }

  @Test func chartsFallBackToASCII() {
    let unicode = App.render(DashboardFixture.app()).text
    let ascii = App.render(DashboardFixture.app(ascii: true)).text
    #expect(unicode.contains("█"))
    #expect(!ascii.contains("█") && !ascii.contains("▁"))
    #expect(ascii.contains("###"))
    #expect(Charts.sparkline([0, 1, 8], width: 3, ascii: false) == " ▁█")
    #expect(Charts.bar(3, of: 8, width: 8, ascii: false) == "███")
    #expect(Charts.bar(1, of: 16, width: 8, ascii: false) == "▌")
  }

  @Test(arguments: [
    (DashboardPanel.volumes, "dashboard-volumes-80x24", 80, 24, false),
    (.funnel, "dashboard-funnel-80x24", 80, 24, false),
    (.delay, "dashboard-delay-80x24", 80, 24, false),
    (.satisfaction, "dashboard-satisfaction-80x24", 80, 24, false),
    (.unmet, "dashboard-unmet-80x24", 80, 24, false),
    (.volumes, "dashboard-volumes-ascii-120x30", 120, 30, true),
  ])
  func snapshot(panel: DashboardPanel, name: String, width: Int, height: Int, ascii: Bool) {
    let canvas = App.render(
      DashboardFixture.app(size: Size(width: width, height: height), panel: panel, ascii: ascii))
    if let mismatch = snapshotMismatch(canvas, named: name) {
      Issue.record(Comment(rawValue: mismatch))
    }
  }

  @Test func closingAVisitOffersAnOptionalOneKeyScore() {
    var app = Fixture.app()
    _ = App.reduce(&app, .key(.char("n")))
    _ = App.reduce(&app, .key(.char("1")))
    _ = App.reduce(&app, .key(.function(2)))
    var closed = Fixture.visit(id: 41, minutesAgo: 10, started: true, closed: true)
    closed.requestKinds = [.jobInformation]
    _ = App.reduce(&app, .visitSaved(closed))
    #expect(app.satisfactionFor == 41)
    #expect(App.render(app).text.contains("Satisfaction (facultatif) ? 1 à 5"))
    let effect = App.reduce(&app, .key(.char("4")))
    #expect(effect == .supervision(.recordSatisfaction(visitID: 41, score: 4)))
    #expect(app.satisfactionFor == nil)
    _ = App.reduce(&app, .supervision(.satisfactionRecorded(score: 4)))
    #expect(app.message?.text == "Merci : satisfaction 4/5 notée.")
  }

  @Test func anyOtherKeySkipsTheScoreAndStillWorks() {
    var app = Fixture.app()
    _ = App.reduce(&app, .key(.char("n")))
    _ = App.reduce(&app, .key(.char("1")))
    _ = App.reduce(&app, .key(.function(2)))
    _ = App.reduce(
      &app, .visitSaved(Fixture.visit(id: 42, minutesAgo: 10, started: true, closed: true)))
    let effect = App.reduce(&app, .key(.char("n")))
    #expect(app.satisfactionFor == nil)
    #expect(effect == .none)
    guard case .visitForm = app.top else {
      Issue.record("N should open a new visit at once")
      return
    }
  }
}
