import Foundation
import GuichetCore

/// Free slots of the chosen operator kind across the structures serving the visit's territory, week by
/// week, with the delay in days the scheme is judged on: it opens on the week of the first free slot, and
/// Pg↓/Pg↑ or a typed date (D) show another week. Only when nothing at all is free can the visit be closed
/// as « pas de créneau ». A move (`draft.rescheduling`) browses the slots of its structure the same way.
public enum AvailabilityScreen {
  public enum Command: Equatable, Sendable {
    case choose, up, down, nextWeek, previousWeek, date, closeNoSlot
  }

  public struct State: Equatable, Sendable {
    public var draft: BookingDraft
    /// The week asked for; an answer for any other is ignored.
    public var window: SlotWindow = .firstFree
    /// The week shown, once the store answered for `window`.
    public var week: SlotWeek?
    public var highlight = 0
    /// Set when the previous pick was taken by another desk, so the agent knows why the list changed.
    public var notice: String?
    /// A key refused (a past or unreadable date, no earlier week), in French; the next key clears it.
    public var error: String?
    /// The date being typed after « D »; nil when not typing.
    public var typedDate: String?
    /// The day typed, whose first slot is highlighted when its week arrives.
    public var focusDay: LocalDate?
    /// After a lost race the list holds that advisor's next free slots rather than a week.
    public var offeredAfterRace = false

    public init(draft: BookingDraft) { self.draft = draft }

    var kinds: [OperatorKind] { draft.operatorKind.map { [$0] } ?? [] }

    /// The slots on screen, nil until the store answered.
    public var slots: [AvailableSlot]? { week?.slots }

    /// The Monday of the week shown or asked for; nil before the first answer.
    var monday: LocalDate? {
      if let week { return week.monday }
      if case .week(let day) = window { return day.startOfWeek }
      return nil
    }

    /// « Pas de créneau » closing is offered only for a first booking with nothing free at all.
    var offersClosing: Bool { draft.rescheduling == nil && week?.nothingFree == true }
  }

  public enum Action: Equatable, Sendable {
    case key(Key)
    case found(kinds: [OperatorKind], SlotWindow, SlotWeek)
    /// A booking or a move lost its slot to another desk: these are the advisor's next free ones.
    case taken([AvailableSlot])
    /// The move went through: the slip replaces this screen.
    case rescheduled(AppointmentDetail)
    /// « Aucun créneau » was written on the visit.
    case outcomeRecorded(Visit, closed: Bool)
  }

  public static let bindings: [KeyBinding<Command>] = [
    KeyBinding([.enter], "Choisir", help: "Réserver le créneau en surbrillance", .choose),
    KeyBinding([.pageDown], "Sem. suiv.", help: "Semaine suivante", .nextWeek),
    KeyBinding(
      [.char("d")], "Date…", help: "Aller à la semaine d'une date tapée (jj/mm/aaaa)", .date),
    KeyBinding([.pageUp], "Sem. préc.", help: "Semaine précédente", .previousWeek),
    KeyBinding([.up], "↑", help: "Créneau précédent", .up, inKeyBar: false),
    KeyBinding([.down], "↓", help: "Créneau suivant", .down, inKeyBar: false),
    KeyBinding(
      [.function(2)], "Clôturer sans RDV",
      help:
        "Aucun créneau libre, aucune semaine : clôturer la visite (pas de rendez-vous, aucun créneau disponible)",
      .closeNoSlot),
  ]

  public static func loadEffect(_ state: State) -> Effect {
    if state.draft.rescheduling != nil, let structureID = state.draft.structure?.id {
      return .appointment(.findSlots(structureID: structureID, state.window))
    }
    return .booking(
      .findSlots(territoryID: state.draft.visit.territoryID, kinds: state.kinds, state.window))
  }

  public static func reduce(_ state: inout State, _ action: Action, context: AppContext) -> Effect {
    switch action {
    case .found(let kinds, let window, let week):
      guard kinds == state.kinds, window == state.window else { return .none }
      receive(week, &state)
      return .none
    case .taken(let slots):
      state.notice =
        "Ce créneau vient d'être pris par un autre poste : choisissez-en un autre (rien n'a changé)."
      state.highlight = 0
      if slots.isEmpty {
        state.week = nil
        return .navigate(.status(BookingOutcome.slotTaken)) + loadEffect(state)
      }
      let monday = state.monday ?? today(context).startOfWeek
      state.week = SlotWeek(monday: monday, slots: slots)
      state.offeredAfterRace = true
      return .navigate(.status(BookingOutcome.slotTaken))
    case .rescheduled(let detail):
      let start = detail.appointment.startsAt
      return .navigate(
        .status(
          StatusMessage(
            "Rendez-vous \(detail.reference) déplacé au \(Format.day(start, context.timeZone)) à \(Format.time(start, context.timeZone))."
          ))) + .navigate(.replace(.booking(.slip(detail.slip(timeZone: context.timeZone)))))
    case .outcomeRecorded(let visit, let closed):
      return BookingOutcome.recorded(visit, closed: closed)
    case .key(let key):
      state.error = nil
      if state.typedDate != nil { return dateKey(key, &state, context: context) }
      guard let command: Command = bindings.command(for: key) else { return .none }
      return run(command, &state, context: context)
    }
  }

  /// The week asked for: the same slot stays highlighted when another desk's write reloads it, or the
  /// first slot of the day typed.
  static func receive(_ week: SlotWeek, _ state: inout State) {
    if state.window == .firstFree { state.window = .week(week.monday) }
    let previous = state.slots.flatMap {
      $0.indices.contains(state.highlight) && !state.offeredAfterRace ? $0[state.highlight] : nil
    }
    state.week = week
    state.offeredAfterRace = false
    if let focus = state.focusDay {
      state.highlight = week.slots.firstIndex { $0.slot.date >= focus } ?? 0
      state.focusDay = nil
    } else {
      state.highlight = previous.flatMap { week.slots.firstIndex(of: $0) } ?? 0
    }
  }

  static func run(_ command: Command, _ state: inout State, context: AppContext) -> Effect {
    switch command {
    case .nextWeek, .previousWeek:
      guard let monday = state.monday else { return .none }
      return showWeek(
        monday.adding(days: command == .nextWeek ? 7 : -7), &state, context: context)
    case .date:
      state.typedDate = ""
      return .none
    default: break
    }
    guard let slots = state.slots else { return .none }
    switch command {
    case .up: state.highlight = max(0, state.highlight - 1)
    case .down: state.highlight = min(max(0, slots.count - 1), state.highlight + 1)
    case .closeNoSlot:
      // A move never closes the visit; only a first booking with nothing free anywhere ends « aucun créneau ».
      guard state.draft.rescheduling == nil else { return .none }
      guard state.offersClosing else {
        state.error =
          "Des créneaux sont libres (Pg↓ Pg↑ ou D pour les voir) : la visite ne se clôture « aucun créneau » que si rien n'est libre."
        return .none
      }
      return .booking(.recordOutcome(state.draft.visit, .noSlot, close: true))
    case .choose:
      guard slots.indices.contains(state.highlight) else { return .none }
      if let reference = state.draft.rescheduling {
        return .appointment(.reschedule(reference, slots[state.highlight]))
      }
      var draft = state.draft
      draft.slot = slots[state.highlight]
      return .navigate(.push(.booking(.consent(draft))))
    case .nextWeek, .previousWeek, .date: break
    }
    return .none
  }

  static func today(_ context: AppContext) -> LocalDate {
    LocalDate(context.now, in: context.timeZone)
  }
}
