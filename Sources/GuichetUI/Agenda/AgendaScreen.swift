import Foundation
import GuichetCore

/// The advisor's agenda: pick a structure (and optionally one advisor), then its day or week, or the
/// backlog of past appointments never filled in; mark each appointment seen, no-show, excused or revoked.
public enum AgendaScreen {
  public enum Command: Equatable, Sendable {
    case up, down, choose, previous, next, today, dayView, weekView, backlog, nextAdvisor
    case otherStructure, seen, noShow, excused, revoked, confirm, open, print
  }

  public struct State: Equatable, Sendable {
    public var structures: [OperatorStructure] = []
    public var structuresLoaded = false
    public var structureIndex = 0
    public var structure: OperatorStructure?
    public var advisors: [Advisor] = []
    public var advisorID: Int64?
    public var mode: AgendaMode = .day
    public var day: LocalDate
    public var page: AgendaPage?
    public var selection = 0
    /// A cancellation (it frees the slot) or a correction of a recorded outcome waiting for « O »: neither is
    /// ever one keystroke.
    public var pending: AgendaPending?
    /// An advisor's own structure: their agenda opens on it and no other is offered.
    public var ownStructureID: Int64?

    public init(day: LocalDate, ownStructureID: Int64? = nil) {
      self.day = day
      self.ownStructureID = ownStructureID
    }

    public var query: AgendaQuery? {
      structure?.id.map { AgendaQuery(structureID: $0, advisorID: advisorID, mode: mode, day: day) }
    }

    /// The page shown, only once it answers the current query (a late answer for another day is ignored).
    public var entries: [AgendaEntry] {
      guard let page, page.query == query else { return [] }
      return page.entries
    }

    public var selected: AgendaEntry? {
      let entries = self.entries
      return entries.indices.contains(selection) ? entries[selection] : nil
    }

    public var advisorName: String {
      advisors.first { $0.id == advisorID }?.displayName ?? "Tous les conseillers"
    }
  }

  public struct AgendaPending: Equatable, Sendable {
    public var reference: BookingReference
    public var status: AppointmentStatus
  }

  public enum Action: Equatable, Sendable {
    case key(Key)
    case event(AgendaEvent)
  }

  public static let pickBindings: [KeyBinding<Command>] = [
    KeyBinding([.enter], "Choisir", help: "Ouvrir l'agenda de cette structure", .choose),
    KeyBinding([.up], "Précédente", .up, inKeyBar: false),
    KeyBinding([.down], "Suivante", .down, inKeyBar: false),
  ]

  public static let bindings: [KeyBinding<Command>] = [
    KeyBinding(
      [.char("r")], "Reçu",
      help: "Marquer la personne reçue ou arrivée (dès le jour du rendez-vous, même en avance)",
      .seen,
      needs: .recordAttendance),
    KeyBinding(
      [.char("a")], "Absent", help: "Marquer la personne absente (après l'heure)", .noShow,
      needs: .recordAttendance),
    KeyBinding(
      [.char("e")], "Excusé", help: "Annulé par la personne (libère le créneau)", .excused,
      needs: .changeAppointment),
    KeyBinding(
      [.char("x")], "Annulé", help: "Annulé par le service (libère le créneau)", .revoked,
      needs: .changeAppointment),
    KeyBinding(
      [.enter], "Détail", help: "Ouvrir le rendez-vous : déplacer, coupon, retrait du consentement",
      .open, inKeyBar: false),
    KeyBinding([.left], "Préc.", help: "Jour ou semaine précédente", .previous),
    KeyBinding([.right], "Suiv.", help: "Jour ou semaine suivante", .next),
    KeyBinding([.char("t")], "Auj.", help: "Revenir à aujourd'hui", .today),
    KeyBinding(
      [.char("i")], "Imprimer",
      help:
        "Imprimer la liste affichée (jour ou semaine) avec la note de l'accueil, et l'écrire dans un fichier sans coordonnées",
      .print),
    KeyBinding([.char("j")], "Jour", help: "Vue du jour", .dayView, inKeyBar: false),
    KeyBinding([.char("s")], "Semaine", help: "Vue de la semaine", .weekView, inKeyBar: false),
    KeyBinding(
      [.char("c")], "À compléter",
      help: "Rendez-vous passés dont le résultat n'a pas été saisi", .backlog, inKeyBar: false),
    KeyBinding(
      [.char("p")], "Conseiller", help: "Un conseiller après l'autre, puis tous", .nextAdvisor,
      inKeyBar: false),
    KeyBinding(
      [.char("o")], "Structure", help: "Choisir une autre structure", .otherStructure,
      inKeyBar: false),
    KeyBinding([.up], "Précédent", .up, inKeyBar: false),
    KeyBinding([.down], "Suivant", .down, inKeyBar: false),
  ]

  public static func loadEffect(_ state: State) -> Effect {
    guard let query = state.query else { return .agenda(.loadStructures) }
    return .agenda(.load(query))
  }

  public static func reduce(_ state: inout State, _ action: Action, context: AppContext) -> Effect {
    switch action {
    case .event(.marked(let appointment)):
      return .navigate(
        .status(
          StatusMessage(
            "Rendez-vous \(appointment.reference) : \(appointment.status.label.lowercased())."
          ))) + receive(&state, .marked(appointment))
    case .event(let event): return receive(&state, event)
    case .key(let key):
      if let pending = state.pending {
        state.pending = nil
        guard key.isYes else { return .none }
        return .agenda(.mark(pending.reference, pending.status))
      }
      if state.structure == nil { return pick(&state, key) }
      guard let command: Command = bindings.command(for: key) else { return .none }
      return run(command, on: &state, context: context)
    }
  }

  static func receive(_ state: inout State, _ event: AgendaEvent) -> Effect {
    switch event {
    case .structuresLoaded(let structures):
      let own = state.ownStructureID
      state.structures = structures.filter { structure in
        structure.id != nil && (own == nil || structure.id == own)
      }
      state.structuresLoaded = true
      state.structureIndex = min(state.structureIndex, max(0, state.structures.count - 1))
      if state.ownStructureID != nil && state.structure == nil && !state.structures.isEmpty {
        return pick(&state, .enter)
      }
    case .advisorsLoaded(let structureID, let advisors) where structureID == state.structure?.id:
      state.advisors = advisors
    case .advisorsLoaded: break
    case .loaded(let page):
      guard page.query == state.query else { return .none }
      // Keep the same appointment selected when another desk's booking shifts the list.
      let reference = state.selected?.appointment.reference
      state.page = page
      state.selection =
        page.entries.firstIndex { $0.appointment.reference == reference }
        ?? min(state.selection, max(0, page.entries.count - 1))
    case .marked:
      return loadEffect(state)
    case .printed(let file, let problem):
      let text =
        problem.map { "Liste écrite dans \(file) (sans coordonnées), mais non imprimée : \($0)" }
        ?? "Liste envoyée à l'imprimante ; écrite aussi dans \(file) (sans coordonnées)."
      return .navigate(.status(StatusMessage(text, isError: problem != nil)))
    }
    return .none
  }

  static func pick(_ state: inout State, _ key: Key) -> Effect {
    guard let command: Command = pickBindings.command(for: key) else { return .none }
    switch command {
    case .up: state.structureIndex = max(0, state.structureIndex - 1)
    case .down:
      state.structureIndex = min(max(0, state.structures.count - 1), state.structureIndex + 1)
    case .choose:
      guard state.structures.indices.contains(state.structureIndex) else { return .none }
      let structure = state.structures[state.structureIndex]
      state.structure = structure
      state.advisors = []
      state.advisorID = nil
      state.page = nil
      state.selection = 0
      guard let id = structure.id else { return .none }
      return .agenda(.loadAdvisors(structureID: id)) + loadEffect(state)
    default: break
    }
    return .none
  }

  static func run(_ command: Command, on state: inout State, context: AppContext) -> Effect {
    let count = state.entries.count
    switch command {
    case .up: state.selection = max(0, state.selection - 1)
    case .down: state.selection = min(max(0, count - 1), state.selection + 1)
    case .previous, .next:
      guard state.mode != .backlog else { return .none }
      let step = state.mode == .week ? 7 : 1
      return move(&state, to: state.day.adding(days: command == .next ? step : -step))
    case .today:
      if state.mode == .backlog { state.mode = .day }
      return move(&state, to: LocalDate(context.now, in: context.timeZone))
    case .dayView: return switchMode(&state, .day)
    case .weekView: return switchMode(&state, .week)
    case .backlog: return switchMode(&state, .backlog)
    case .nextAdvisor:
      let ids = state.advisors.compactMap(\.id)
      guard !ids.isEmpty else { return .none }
      let index = state.advisorID.flatMap { ids.firstIndex(of: $0) }
      state.advisorID = index.map { $0 + 1 < ids.count ? ids[$0 + 1] : nil } ?? ids.first
      state.selection = 0
      return loadEffect(state)
    case .otherStructure:
      guard state.ownStructureID == nil else { return .none }
      state.structure = nil
      state.page = nil
      state.selection = 0
      return .agenda(.loadStructures)
    case .seen, .noShow:
      guard let entry = state.selected, entry.appointment.isLive else { return .none }
      let status: AppointmentStatus = command == .seen ? .seen : .noShow
      // Replacing an outcome already recorded (« reçu » → « absent ») is a correction: it asks first.
      if entry.appointment.status.isAttendance && entry.appointment.status != status {
        state.pending = AgendaPending(reference: entry.appointment.reference, status: status)
        return .none
      }
      return .agenda(.mark(entry.appointment.reference, status))
    case .print:
      guard let page = state.page, page.query == state.query, let structure = state.structure
      else { return .none }
      return .agenda(
        .print(
          AgendaPrintout.make(
            page, structure: structure, advisorName: state.advisorName, context: context)))
    case .excused, .revoked:
      guard let entry = state.selected, entry.appointment.isLive else { return .none }
      state.pending = AgendaPending(
        reference: entry.appointment.reference, status: command == .excused ? .excused : .revoked)
    case .open:
      guard let entry = state.selected else { return .none }
      return .navigate(.push(.appointment(.reference(entry.appointment.reference))))
    case .choose, .confirm: break
    }
    return .none
  }

  static func move(_ state: inout State, to day: LocalDate) -> Effect {
    state.day = day
    state.selection = 0
    return loadEffect(state)
  }

  static func switchMode(_ state: inout State, _ mode: AgendaMode) -> Effect {
    guard state.mode != mode else { return .none }
    state.mode = mode
    state.selection = 0
    return loadEffect(state)
  }
}
