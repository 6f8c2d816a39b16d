import Foundation
import GuichetCore
import Testing

@testable import GuichetUI

/// Every key discoverable at 80×24: each screen's key bar keeps its primary action, Échap and F1 (which says
/// where the other keys are), its help lists every key of the bar and the help is wrapped, never cut.
@Suite struct KeyBarTests {
  /// Each screen by name, its route, and the key of its primary action.
  static let screens: [(name: String, route: Route, primary: String)] = [
    ("queue", .queue, "Entrée"),
    ("today", .todayVisits, "Entrée"),
    ("visit-form", .visitForm(ScreenRegistryTests.visit), "F2"),
    ("search", .search, "Entrée"),
    ("occupation", .occupation("K1207"), "Entrée"),
    ("certification", .certification("RNCP34826"), "Entrée"),
    ("labour-needs", .labourNeeds, "Lettres"),
    ("structures", .structures(focus: nil), "→"),
    ("agenda", .agenda, "Entrée"),
    ("recommendation", .booking(.recommendation(ScreenRegistryTests.visit)), "Entrée"),
    (
      "availability", .booking(.availability(BookingDraft(visit: ScreenRegistryTests.visit))),
      "Entrée"
    ),
    ("consent", .booking(.consent(BookingDraft(visit: ScreenRegistryTests.visit))), "Entrée"),
    ("contact", .booking(.contact(BookingDraft(visit: ScreenRegistryTests.visit))), "F2"),
    ("slip", .booking(.slip(ScreenRegistryTests.slip)), "E"),
    ("appointment", .appointment(.reference(nil)), "Entrée"),
    ("admin-structures", .admin(.structures), "Entrée"),
    ("admin-advisors", .admin(.advisors(BookingFixture.structure)), "Entrée"),
    (
      "admin-availability",
      .admin(.availability(Advisor(id: 3, structureID: 5, displayName: "Claire Martin"))), "P"
    ),
    ("admin-routing", .admin(.routing), "N"),
    ("admin-form", .admin(.form(.advisor(structureID: 5))), "F2"),
    ("dashboard", .dashboard, "←"),
    ("accounts", .accounts, "N"),
    ("territories", .territories, "N"),
    ("consent-texts", .consentTexts, "N"),
  ]

  /// A role that may open the route.
  static func role(for route: Route) -> Role {
    switch route.permission {
    case .administerOperators?, .administerAccounts?: .administrator
    case .readSupervision?: .supervisor
    default: .agent
    }
  }

  static func app(_ route: Route, size: Size = Size(width: 80, height: 24), as role: Role? = nil)
    -> AppState
  {
    var app = Fixture.app(size: size, as: role ?? Self.role(for: route))
    app.screens.append(App.makeScreen(route, state: app))
    return app
  }

  static func keyBar(_ canvas: Canvas) -> String {
    String(canvas.text.split(separator: "\n", omittingEmptySubsequences: false).last ?? "")
  }

  @Test func everyScreenKeepsItsPrimaryActionÉchapAndF1At80x24() {
    #expect(Self.screens.count + 2 == ScreenRegistryTests.routes.count, "home and help are apart")
    for screen in Self.screens {
      let canvas = App.render(Self.app(screen.route))
      let bar = Self.keyBar(canvas)
      #expect(bar.contains(" \(screen.primary) "), "\(screen.name): \(bar)")
      #expect(bar.contains(" Échap "), "\(screen.name): \(bar)")
      #expect(bar.contains(" F1 "), "\(screen.name): \(bar)")
      if let mismatch = snapshotMismatch(canvas, named: "keys-\(screen.name)-80x24") {
        Issue.record(Comment(rawValue: mismatch))
      }
    }
  }

  /// The visit form keeps its four actions and Échap at 80 columns (F7 and Échap used to fall off).
  @Test func theVisitFormKeepsEveryActionAt80Columns() {
    let bar = Self.keyBar(App.render(Self.app(.visitForm(ScreenRegistryTests.visit))))
    for key in ["F2", "F3", "F4", "F7", "Échap", "F1", "F10"] {
      #expect(bar.contains(" \(key) "), "\(key): \(bar)")
    }
  }

  /// A key left out of the bar is in the help, and F1 says so.
  @Test func f1SaysWhenKeysAreLeftOutAndTheHelpHasThemAll() {
    for screen in Self.screens {
      let app = Self.app(screen.route)
      let role = app.context.account?.role
      let hints = App.hints(for: app.top, role: role)
      let help = App.helpState(for: app.top, context: app.context).lines.map(\.key)
      let bar = Self.keyBar(App.render(app))
      let own = hints.filter { !HintLine.global.map(\.key).contains($0.key) }
      for hint in own where !bar.contains(" \(hint.key) \(hint.text) ") {
        #expect(help.contains(hint.key), "\(screen.name): \(hint.key) in neither the bar nor F1")
        if !App.movementKeys.contains(hint.key) {
          #expect(bar.contains("F1 Aide + "), "\(screen.name): \(bar)")
        }
      }
    }
  }

  @Test func theAgendaHelpListsEveryViewKeyAndTheAppointmentItsCancellations() {
    var agenda = Self.app(.agenda, as: .advisor)
    if case .agenda(var state) = agenda.top {
      state.structure = BookingFixture.structure
      agenda.screens[agenda.screens.count - 1] = .agenda(state)
    }
    let agendaHelp = App.helpState(for: agenda.top, context: agenda.context).lines.map(\.key)
    for key in ["J", "S", "C", "P", "O", "R", "A"] { #expect(agendaHelp.contains(key), "\(key)") }
    let appointment = Self.app(.appointment(.reference(nil)))
    let help = App.helpState(for: appointment.top, context: appointment.context).lines.map(\.key)
    #expect(help.contains("F7") && help.contains("F8"))
  }

  /// The agent's agenda neither shows nor helps with « reçu » and « absent », and says why when pressed.
  @Test func theAgentsAgendaOffersNoAttendanceKey() {
    var app = Self.app(.agenda, as: .agent)
    if case .agenda(var state) = app.top {
      state.structure = BookingFixture.structure
      app.screens[app.screens.count - 1] = .agenda(state)
    }
    let bar = Self.keyBar(App.render(app))
    #expect(!bar.contains("Reçu") && !bar.contains("Absent"))
    let help = App.helpState(for: app.top, context: app.context).lines.map(\.key)
    #expect(!help.contains("R") && !help.contains("A"))
    #expect(Fixture.send([.char("r")], to: &app) == [.none])
    #expect(app.message == StatusMessage(ConsoleAccess.refusal(.recordAttendance), isError: true))
    var advisor = Self.app(.agenda, as: .advisor)
    if case .agenda(var state) = advisor.top {
      state.structure = BookingFixture.structure
      advisor.screens[advisor.screens.count - 1] = .agenda(state)
    }
    #expect(Self.keyBar(App.render(advisor)).contains("R Reçu"))
  }

  /// At 80 and 100 columns no help line is cut: every word of every entry shows whole.
  @Test(arguments: [80, 100])
  func helpIsWrappedNeverCut(width: Int) {
    for screen in Self.screens {
      var app = Self.app(screen.route, size: Size(width: width, height: 200))
      let help = App.helpState(for: app.top, context: app.context)
      Fixture.send([.function(1)], to: &app)
      // A cut word ends in « … » and is not among the words shown.
      let text = App.render(app).text
      let shown = Set(text.split(whereSeparator: \.isWhitespace))
      let entries = (help.lines + HelpScreen.globalLines).map(\.help) + [help.purpose]
      for word in entries.flatMap({ $0.split(separator: " ") }) {
        #expect(shown.contains(word), "\(screen.name) at \(width): « \(word) » cut")
      }
    }
  }

  @Test func f12AndCtrlLAreListedEverywhere() {
    let keys = HelpScreen.globalLines.map(\.key)
    #expect(keys.contains("F12") && keys.contains("Ctrl-L"))
  }

  /// A screen's own Échap replaces the global one instead of standing beside it.
  @Test func aKeyIsShownOnce() {
    var app = Self.app(.dashboard)
    Fixture.send([.char("d")], to: &app)
    let bar = Self.keyBar(App.render(app))
    #expect(bar.components(separatedBy: "Échap").count == 2, "\(bar)")
    #expect(bar.contains("Échap Annuler"))
  }
}
