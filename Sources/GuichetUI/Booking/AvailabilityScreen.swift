import Foundation
import GuichetCore

/// Next free slots of the chosen operator kind across the structures serving the visit's territory, with the
/// delay in days the scheme is judged on. With no slot, the visit can be closed as « pas de créneau ».
public enum AvailabilityScreen {
  public enum Command: Equatable, Sendable { case choose, up, down, closeNoSlot }

  public struct State: Equatable, Sendable {
    public var draft: BookingDraft
    public var slots: [AvailableSlot]?
    public var highlight = 0
    /// Set when the previous pick was taken by another desk, so the agent knows why the list changed.
    public var notice: String?
    /// Why the search came back empty, once the store said.
    public var noSlotReason: NoSlotReason?

    public init(draft: BookingDraft) { self.draft = draft }

    var kinds: [OperatorKind] { draft.operatorKind.map { [$0] } ?? [] }
  }

  public enum Action: Equatable, Sendable {
    case key(Key)
    case found(kinds: [OperatorKind], [AvailableSlot])
    case explained(kinds: [OperatorKind], NoSlotReason)
    /// A move lost its slot to another desk: these are the advisor's next free ones.
    case taken([AvailableSlot])
    /// The move went through: the slip replaces this screen.
    case rescheduled(AppointmentDetail)
    /// « Aucun créneau » was written on the visit.
    case outcomeRecorded(Visit, closed: Bool)
  }

  public static let bindings: [KeyBinding<Command>] = [
    KeyBinding([.enter], "Choisir", help: "Réserver le créneau en surbrillance", .choose),
    KeyBinding([.up], "↑", help: "Créneau précédent", .up, inKeyBar: false),
    KeyBinding([.down], "↓", help: "Créneau suivant", .down, inKeyBar: false),
    KeyBinding(
      [.function(2)], "Clôturer sans RDV",
      help: "Aucun créneau : clôturer la visite (pas de rendez-vous, aucun créneau disponible)",
      .closeNoSlot),
  ]

  /// A move cannot close the visit, so F2 is not offered then.
  public static func hints(_ state: State) -> [HintLine] {
    bindings.filter { state.draft.rescheduling == nil || $0.command != .closeNoSlot }.map(
      \.hintLine)
  }

  public static func loadEffect(_ state: State) -> Effect {
    if state.draft.rescheduling != nil, let structureID = state.draft.structure?.id {
      return .appointment(.findSlots(structureID: structureID))
    }
    return .booking(.findSlots(territoryID: state.draft.visit.territoryID, kinds: state.kinds))
  }

  public static func reduce(_ state: inout State, _ action: Action, context: AppContext) -> Effect {
    switch action {
    case .found(let kinds, let slots):
      guard kinds == state.kinds else { return .none }
      let previous = state.slots.flatMap {
        $0.indices.contains(state.highlight) ? $0[state.highlight] : nil
      }
      state.slots = slots
      state.highlight = previous.flatMap { slots.firstIndex(of: $0) } ?? 0
      return .none
    case .explained(let kinds, let reason):
      guard kinds == state.kinds else { return .none }
      state.noSlotReason = reason
      return .none
    case .taken(let slots):
      state.slots = slots
      state.highlight = 0
      state.notice =
        "Ce créneau vient d'être pris par un autre poste : choisissez-en un autre (rien n'a changé)."
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
      guard let slots = state.slots, let command: Command = bindings.command(for: key) else {
        return .none
      }
      switch command {
      case .up: state.highlight = max(0, state.highlight - 1)
      case .down: state.highlight = min(max(0, slots.count - 1), state.highlight + 1)
      case .closeNoSlot:
        // A move never closes the visit; only a first booking can end « aucun créneau ».
        guard state.draft.rescheduling == nil else { return .none }
        // Only when nothing is offered: a visit with slots on screen is not « aucun créneau ».
        guard slots.isEmpty else { return .none }
        return .booking(.recordOutcome(state.draft.visit, .noSlot, close: true))
      case .choose:
        guard slots.indices.contains(state.highlight) else { return .none }
        if let reference = state.draft.rescheduling {
          return .appointment(.reschedule(reference, slots[state.highlight]))
        }
        var draft = state.draft
        draft.slot = slots[state.highlight]
        return .navigate(.push(.booking(.consent(draft))))
      }
      return .none
    }
  }

  /// « mar. 03/03/2026 09:30  J+4  Sur place · Claire Martin · Mission locale de Vienne »: the structure last, as it is the longest.
  static func line(_ slot: AvailableSlot, context: AppContext) -> String {
    let start = slot.slot.startsAt
    return
      "\(Format.day(start, context.timeZone)) \(Format.time(start, context.timeZone))  J+\(slot.delayDays)  \(slot.slot.place.label) · \(slot.advisorName) · \(slot.structureLabel)"
  }

  /// What to do about an empty search: have opening hours entered, or tell the person all is booked.
  static func explanation(_ reason: NoSlotReason) -> String {
    switch reason {
    case .noOpeningHours:
      "Aucun conseiller de ces structures servant ce territoire n'a de plages d'ouverture : "
        + "faites-les saisir dans l'administration (O depuis l'accueil)."
    case .fullyBooked(let days):
      "Tous les créneaux des conseillers de ce territoire sont pris dans les \(days) prochains jours."
    case .noOpenDirectory(let kinds):
      "Aucune structure \(kinds.map(\.label).joined(separator: " ni ")) n'est enregistrée pour ce territoire : "
        + "il n'en existe pas d'annuaire ouvert à reprendre. Ajoutez-la avec ses conseillers et plages "
        + "dans l'administration (O depuis l'accueil) ou par fichier : guichet operators import "
        + "(modèle : guichet operators import --example)."
    }
  }

  public static func render(
    _ state: State, in area: Rect, on canvas: inout Canvas, context: AppContext
  ) {
    let inner = area.inset(1)
    var y = inner.y
    let kind = state.draft.operatorKind?.label ?? "Tous les opérateurs"
    let heading =
      state.draft.rescheduling.map {
        "Déplacer \($0) · \(state.draft.structure?.shortLabel ?? kind)"
      } ?? "\(kind) · \(context.territoryName(state.draft.visit.territoryID))"
    canvas.put(heading, x: inner.x, y: y, style: .title, limit: inner.width)
    y += 1
    if let notice = state.notice {
      y += canvas.putMessage(notice, x: inner.x, y: y, width: inner.width, style: .error)
    }
    y += 1
    guard let slots = state.slots else {
      canvas.put("Recherche des prochains créneaux…", x: inner.x, y: y)
      return
    }
    if slots.isEmpty {
      canvas.put("Aucun créneau disponible.", x: inner.x, y: y, style: .bold)
      y += 1
      if let reason = state.noSlotReason {
        y += canvas.putMessage(
          explanation(reason), x: inner.x, y: y, width: inner.width, style: .plain)
      }
      canvas.put(
        state.draft.rescheduling == nil
          ? "F2 : clôturer la visite (pas de rendez-vous, aucun créneau) · Échap : autre opérateur"
          : "Échap : garder le rendez-vous tel qu'il est",
        x: inner.x, y: y + 1, style: .muted, limit: inner.width)
      return
    }
    canvas.put(
      "Date et heure          Délai  Lieu · Conseiller · Structure", x: inner.x, y: y,
      style: .muted,
      limit: inner.width)
    y += 1
    for (index, slot) in slots.enumerated() where y < inner.y + inner.height {
      canvas.putPadded(
        " " + line(slot, context: context), x: inner.x, y: y, width: inner.width,
        style: index == state.highlight ? .selected : .plain)
      y += 1
    }
  }
}
