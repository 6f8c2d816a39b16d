import Foundation
import GuichetCore
import GuichetUI

/// Random keys, pastes and resizes (1×1 to 300×100) through `App.reduce` and `App.render` on every screen,
/// answered by the real `EffectInterpreter` over `FakeServices`. Every 100 events the run restarts from the next entry
/// state (each screen, opened as the console opens it), so screens behind a typed « oui » are fuzzed too.
/// Invariants checked: the focus is valid, the canvas is the window's size with the cursor on it, and no
/// control character is in the state or on the canvas. Used by `guichet bench` (1,000,000 events) and by
/// `KeyFuzzTests` (a short fixed-seed run).
public enum KeyFuzzer {
  public struct Figures: Sendable {
    public var events = 0
    public var renders = 0
    public var violations = 0
    /// The first few broken invariants, with the step they happened at, to replay from the seed.
    public var firstViolations: [String] = []
    /// Events handled with each screen on top.
    public var screens: [String: Int] = [:]

    public init() {}
  }

  /// The screens behind the login, fuzzed as a signed-in agent (F12 locks; the next restart signs in again).
  public static let agentSession = session(.agent)

  public static func session(_ role: Role) -> Session {
    .signedIn(
      Account(
        id: 1, login: "fuzz", role: role, structureID: role == .advisor ? 5 : nil,
        isDisabled: false, lockedUntil: nil,
        createdAt: Date(timeIntervalSince1970: 1_796_030_100)))
  }

  /// The first role that may open every route of an entry: an agent where it can, else the role the
  /// screens need (a supervisor for the dashboard, an administrator for the administration).
  static func session(for routes: [Route]) -> Session {
    let role = Role.allCases.first { role in
      routes.allSatisfy { ConsoleAccess.allows($0.permission, role) }
    }
    return session(role ?? .agent)
  }

  /// The real interpreter over fake services that refuse now and then, at the fuzz's fixed instant.
  static func fakeInterpreter(now: Date) -> EffectInterpreter {
    EffectInterpreter(
      services: .fake(FakeServices(now: now, refusesSometimes: true)), now: { now })
  }

  /// Events between two restarts from an entry state.
  static let restartEvery = 100

  /// `entries` narrows the run to some entry states (a short run aimed at one screen, as CI runs for the
  /// agenda); by default it goes round every screen, starting from the home screen.
  public static func run(
    events: Int, checkEvery: Int, seed: UInt64, entries: [[Route]]? = nil
  ) -> Figures {
    var random = SeededRandom(state: seed)
    let context = AppContext(
      workplace: Workplace(siteID: 1, siteName: "Site", deskID: 2, deskName: "Poste"),
      now: Date(timeIntervalSince1970: 1_796_030_100), territoryNames: [7: "Chambéry"])
    let interpreter = fakeInterpreter(now: context.now)
    let size = Size(width: 80, height: 24)
    var state =
      entries?.first.map { entry($0, context: context, size: size, interpreter: interpreter) }
      ?? AppState(context: context, size: size, session: agentSession)
    var figures = Figures()
    for step in 0..<events {
      // Round-robin over the entry states, so a short run still fuzzes every screen.
      if step % restartEvery == restartEvery - 1 {
        let routes = entries ?? entryRoutes(FakeData(now: context.now))
        let route = routes[(step / restartEvery) % routes.count]
        state = entry(route, context: context, size: state.size, interpreter: interpreter)
      }
      let action: AppAction =
        Int.random(in: 0..<40, using: &random) == 0
        ? .resized(
          Size(
            width: .random(in: 1...300, using: &random),
            height: .random(in: 1...100, using: &random)))
        : .key(randomKey(&random))
      var pending = [action]
      while !pending.isEmpty {
        let effect = App.reduce(&state, pending.removeFirst())
        if effect == .quit || state.quitting {
          let role = state.context.account?.role ?? .agent
          state = AppState(context: context, size: state.size, session: session(role))
          break
        }
        pending += interpreter.run(effect, context: state.context)
      }
      figures.events += 1
      figures.screens[name(of: state.top), default: 0] += 1
      var broken = focusProblems(state)
      if step % checkEvery == 0 {
        figures.renders += 1
        broken += canvasProblems(App.render(state), size: state.size)
        if StateText.hasControl(state) { broken.append("control character in the state") }
      }
      if !broken.isEmpty {
        figures.violations += 1
        if figures.firstViolations.count < 5 {
          figures.firstViolations.append(
            "step \(step) on \(name(of: state.top)): \(broken.joined(separator: ", "))")
        }
      }
    }
    return figures
  }

  /// One name per kind of screen, from its feature in the registry (« ConsentScreen » → « consent »).
  public static func name(of screen: Screen) -> String {
    var name = String(describing: screen.feature)
    if name.hasSuffix("Screen") { name.removeLast("Screen".count) }
    return name.prefix(1).lowercased() + name.dropFirst()
  }

  /// Every screen the console can open, each reached the way the console reaches it.
  static func entryRoutes(_ data: FakeData) -> [[Route]] {
    let visit = data.visit(id: 42)
    var draft = BookingDraft(visit: visit)
    draft.recommendations = [Recommendation(operatorKind: .missionLocale, reason: "16-25 ans")]
    draft.operatorKind = .missionLocale
    draft.slot = data.slots(1).first
    draft.structure = FakeData.structure
    draft.consentID = 9
    let slip = Slip(
      reference: try! BookingReference(parsing: "RDV-7K3M-Q9XP"), startsAt: data.now,
      endsAt: data.now.addingTimeInterval(1800), place: .onSite,
      structure: FakeData.structure, advisorName: "Claire Martin")
    let entries: [[Route]] = [
      [], [.queue], [.todayVisits], [.visitForm(visit)], [.help], [.search],
      [.occupation("K1207")], [.certification("RNCP34826")], [.visitForm(visit), .labourNeeds],
      [.structures(focus: nil)], [.agenda],
      [.visitForm(visit), .booking(.recommendation(visit))],
      [.visitForm(visit), .booking(.availability(draft))],
      [.visitForm(visit), .booking(.consent(draft))],
      [.visitForm(visit), .booking(.contact(draft))],
      [.visitForm(visit), .booking(.slip(slip))],
      [.appointment(.reference(nil))], [.visitForm(visit), .appointment(.visit(42))],
      [.admin(.structures)], [.admin(.structures), .admin(.advisors(FakeData.structure))],
      [
        .admin(.structures), .admin(.advisors(FakeData.structure)),
        .admin(.availability(FakeData.advisor)),
      ],
      [.admin(.structures), .admin(.routing)],
      [.admin(.structures), .admin(.form(.structure(FakeData.structure)))],
      [.admin(.structures), .admin(.form(.openingRule(advisorID: 3, FakeData.rule)))],
      [.admin(.structures), .admin(.form(.absence(advisorID: 3)))],
      [.dashboard], [.accounts],
      [
        .admin(.structures), .admin(.routing),
        .admin(.form(.routingRule(FakeData.routingRule, nextPosition: 2))),
      ],
    ]
    // A screen entered in the registry's direct routes is fuzzed without being listed here.
    return entries + Route.direct.map { [$0] }.filter { !entries.contains($0) }
  }

  /// The screen each entry route opens on top, by name: what a full run must have visited.
  static func entryScreens() -> Set<String> {
    let now = Date(timeIntervalSince1970: 1_796_030_100)
    let interpreter = fakeInterpreter(now: now)
    let context = AppContext(
      workplace: Workplace(siteID: 1, siteName: "Site", deskID: 2, deskName: "Poste"), now: now)
    return Set(
      entryRoutes(FakeData(now: now)).map {
        name(
          of: entry(
            $0, context: context, size: Size(width: 80, height: 24), interpreter: interpreter
          )
          .top)
      })
  }

  /// A fresh console with these routes pushed over the home screen and their loads answered.
  static func entry(
    _ routes: [Route], context: AppContext, size: Size, interpreter: EffectInterpreter
  ) -> AppState {
    var state = AppState(context: context, size: size, session: session(for: routes))
    var pending = interpreter.run(App.start(&state), context: state.context)
    for route in routes {
      pending += interpreter.run(
        App.resolveNavigation(&state, .navigate(.push(route))), context: state.context)
    }
    while !pending.isEmpty {
      pending += interpreter.run(App.reduce(&state, pending.removeFirst()), context: state.context)
    }
    return state
  }

  static func focusProblems(_ state: AppState) -> [String] {
    var problems: [String] = []
    if state.screens.isEmpty { problems.append("no screen") }
    switch state.top {
    case .visitForm(let form):
      if !form.activeFields.contains(form.focus) { problems.append("visit form focus") }
    case .booking(.availability(let screen)):
      if !(0..<max(1, screen.slots?.count ?? 0)).contains(screen.highlight) {
        problems.append("slot highlight")
      }
    case .booking(.recommendation(let screen)):
      if !screen.choices.indices.contains(screen.highlight) {
        problems.append("recommendation highlight")
      }
    case .agenda(let agenda):
      if !(0..<max(1, agenda.entries.count)).contains(agenda.selection) {
        problems.append("agenda selection")
      }
    default: break
    }
    return problems
  }

  static func canvasProblems(_ canvas: Canvas, size: Size) -> [String] {
    var problems: [String] = []
    if canvas.cells.count != size.width * size.height { problems.append("canvas size") }
    if let cursor = canvas.cursor,
      !(0..<size.width).contains(cursor.x) || !(0..<size.height).contains(cursor.y)
    {
      problems.append("cursor off the canvas")
    }
    if canvas.cells.contains(where: { $0.text.unicodeScalars.contains { !SafeText.isAllowed($0) } })
    {
      problems.append("control character drawn")
    }
    return problems
  }

  /// One grapheme each: typed one key at a time.
  static let pieces: [Character] = [
    "é", "Œ", "漢", "😀", "e\u{301}", "\u{1B}", "\u{7}", "\u{9B}", "\u{202E}", "\0", "\n", "\t",
    "a", "7",
  ]
  /// Pasted: the pieces, plus the consent answer so pastes get past the consent screen.
  static let pastePieces = pieces.map(String.init) + ["oui", "\u{1B}]52;c;SGVsbG8=\u{7}"]
  static let named: [Key] = [
    .enter, .tab, .backTab, .backspace, .delete, .escape, .up, .down, .left, .right, .home, .end,
    .pageUp, .pageDown,
  ]

  static func randomKey(_ random: inout SeededRandom) -> Key {
    switch Int.random(in: 0..<20, using: &random) {
    case 0..<6: .char(Character(UnicodeScalar(UInt8.random(in: 0x20...0x7E, using: &random))))
    case 6..<8: .char(pieces.randomElement(using: &random)!)
    case 8: .function(.random(in: 1...12, using: &random))
    case 9: .ctrl(Character(UnicodeScalar(UInt8.random(in: 0x61...0x7A, using: &random))))
    case 10:
      .paste(
        (0..<Int.random(in: 0...40, using: &random)).map { _ in
          pastePieces.randomElement(using: &random)!
        }.joined())
    default: named.randomElement(using: &random)!
    }
  }
}

/// Walks every string of the state by reflection, so a screen added later is checked without a change here.
/// The published consent text is skipped: its paragraphs are separated by line breaks on purpose.
enum StateText {
  static func hasControl(_ value: Any) -> Bool {
    if value is ConsentText { return false }
    if let text = value as? String {
      return text.unicodeScalars.contains { !SafeText.isAllowed($0) }
    }
    if let character = value as? Character {
      return character.unicodeScalars.contains { !SafeText.isAllowed($0) }
    }
    return Mirror(reflecting: value).children.contains { hasControl($0.value) }
  }
}
