import Foundation
import GuichetCore
import GuichetUI

/// Hand-built figures for March 2026 at two sites, with a few small cells, as the store would return them.
enum DashboardFixture {
  static let period = SupervisionPeriod(
    .month, containing: LocalDate(year: 2026, month: 3, day: 2)!)

  static func figures(
    period: SupervisionPeriod = period, filter: SupervisionFilter = .init()
  ) -> SupervisionFigures {
    var figures = SupervisionFigures(
      period: period, filter: filter,
      names: SupervisionNames(
        sites: ["1": "CIO Chambéry", "2": "Démo · Annecy"], desks: ["2": "CIO Chambéry · Poste 1"],
        territories: ["7": "Chambéry", "8": "Annecy"]))
    figures.visits = 240
    figures.syntheticVisits = 0
    figures.breakdowns = [
      .site: [CodeCount(code: "1", count: 180), CodeCount(code: "2", count: 60)],
      .publicCategory: [
        CodeCount(code: "job_seeker", count: 96), CodeCount(code: "employee", count: 70),
        CodeCount(code: "initial_education", count: 40), CodeCount(code: "senior", count: 31),
        CodeCount(code: "disability", count: 3),
      ],
      .hour: [CodeCount(code: "9", count: 100), CodeCount(code: "14", count: 140)],
      .territory: [CodeCount(code: "7", count: 200), CodeCount(code: "0", count: 40)],
    ]
    figures.daily = period.days.map { day in
      CodeCount(code: day.description, count: day.weekday == .sunday ? 0 : 5 + day.day % 9)
    }
    figures.funnel.visits = 240
    figures.funnel.referred = 80
    figures.funnel.consented = 40
    figures.funnel.booked = 32
    figures.funnel.seen = 20
    figures.delay.days = Histogram([3: 10, 12: 12, 20: 6, 40: 4])
    figures.delay.withinTarget = 28
    figures.noShow.seen = 20
    figures.noShow.noShow = 4
    figures.wait.minutes = Histogram([2: 60, 6: 70, 12: 30, 25: 10])
    figures.wait.aboveAnnounced = 40
    figures.satisfaction.closed = 230
    figures.satisfaction.scores = Histogram([5: 40, 4: 30, 3: 8, 2: 2])
    figures.unmet = [
      UnmetCount(outcome: .noBooking, reason: .noSlot, count: 9),
      UnmetCount(outcome: .noAnswer, reason: .outOfScope, count: 3),
    ]
    figures.searchMisses = [UnmetSearch(query: "pilote drone", count: 6)]
    figures.consulted = [
      ConsultedCode(kind: .occupation, code: "K2111", title: "Formateur / Formatrice", visits: 12),
      ConsultedCode(kind: .certification, code: "RNCP34001", title: "Titre pro", visits: 2),
    ]
    return figures
  }

  /// The app with the dashboard open on `period` and its figures delivered.
  static func app(
    size: Size = Size(width: 80, height: 24), panel: DashboardPanel = .volumes, ascii: Bool = false
  ) -> AppState {
    var app = Fixture.app(size: size, as: .supervisor)
    app.context.asciiCharts = ascii
    var dashboard = DashboardScreen.State(period: period)
    dashboard.panel = panel
    dashboard.figures = figures()
    app.screens.append(.dashboard(dashboard))
    return app
  }
}
