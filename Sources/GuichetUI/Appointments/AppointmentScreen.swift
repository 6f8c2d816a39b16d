import Foundation
import GuichetCore

/// « Est-ce que c'est passé ? » and what follows: find an appointment by its reference, by the person's phone
/// or e-mail (among the appointments this account may change), or from the visit that booked it, then
/// cancel it, move it to another free slot of the same structure, reprint its slip, or withdraw the person's
/// consent. Cancelling and withdrawing ask for « O » first: they free the slot.
public enum AppointmentScreen {
  public enum Command: Equatable, Sendable {
    case search, up, down, slip, reschedule, excused, revoked, withdraw
  }

  /// A write waiting for « O ».
  public enum Pending: Equatable, Sendable {
    case cancel(AppointmentStatus)
    case withdraw
  }

  public struct State: Equatable, Sendable {
    public var lookup: AppointmentLookup
    /// The reference, phone or e-mail being typed.
    public var field = ""
    public var results: [AppointmentDetail]?
    public var selection = 0
    public var pending: Pending?
    public var error: String?
    public var searching = false

    public init(lookup: AppointmentLookup) {
      self.lookup = lookup
      field = lookup.fieldText ?? ""
    }

    public var selected: AppointmentDetail? {
      guard let results, results.indices.contains(selection) else { return nil }
      return results[selection]
    }

    /// True when the screen has something to look up: a visit, or a reference, phone or e-mail read.
    var canLoad: Bool {
      if case .reference(nil) = lookup { return false }
      return true
    }
  }

  public enum Action: Equatable, Sendable {
    case key(Key)
    case event(AppointmentEvent)
  }

  public static let bindings: [KeyBinding<Command>] = [
    KeyBinding(
      [.enter], "Chercher",
      help: "Chercher la référence (RDV-7K3M-Q9XP), le téléphone ou l'e-mail tapé", .search),
    KeyBinding(
      [.function(5)], "Déplacer",
      help:
        "Déplacer vers un autre créneau de la même structure (consentement et coordonnées gardés)",
      .reschedule),
    // Moving and reprinting come first: they are what a person calling without their slip asks for.
    KeyBinding([.function(4)], "Coupon", help: "Revoir, enregistrer ou imprimer le coupon", .slip),
    KeyBinding(
      [.function(6)], "Annuler",
      help: "Annulé par la personne : libère le créneau (confirmation O)", .excused),
    KeyBinding(
      [.function(7)], "Annul. service",
      help: "Annulé par le service : libère le créneau (confirmation O)", .revoked,
      inKeyBar: false),
    KeyBinding(
      [.function(8)], "Retrait consent.",
      help:
        "La personne retire son consentement : coordonnées effacées, rendez-vous annulé (confirmation O)",
      .withdraw, inKeyBar: false),
    KeyBinding([.up], "Précédent", .up, inKeyBar: false),
    KeyBinding([.down], "Suivant", .down, inKeyBar: false),
  ]

  public static func loadEffect(_ state: State) -> Effect {
    state.canLoad ? .appointment(.find(state.lookup)) : .none
  }

  public static func reduce(_ state: inout State, _ action: Action, context: AppContext) -> Effect {
    switch action {
    case .event(.updated(let detail, let message)):
      return .navigate(.status(StatusMessage(message)))
        + receive(&state, .updated(detail, message: message))
    case .event(let event): return receive(&state, event)
    case .key(let key):
      if let pending = state.pending {
        state.pending = nil
        guard key.isYes, let detail = state.selected else {
          return .none
        }
        return confirm(pending, detail)
      }
      state.error = nil
      if let command: Command = bindings.command(for: key) {
        return run(command, on: &state, context: context)
      }
      edit(key, &state)
      return .none
    }
  }

  static func receive(_ state: inout State, _ event: AppointmentEvent) -> Effect {
    switch event {
    case .found(let lookup, let details):
      guard lookup == state.lookup else { return .none }
      let reference = state.selected?.reference
      state.searching = false
      state.results = details
      state.selection = details.firstIndex { $0.reference == reference } ?? 0
    case .updated(let detail, _), .rescheduled(let detail):
      guard let index = state.results?.firstIndex(where: { $0.reference == detail.reference })
      else { return .none }
      state.results?[index] = detail
    case .failed(let error):
      state.searching = false
      state.error = error.message
    case .slotsFound, .slotTaken: break
    }
    return .none
  }

  static func run(_ command: Command, on state: inout State, context: AppContext) -> Effect {
    switch command {
    case .search:
      guard state.lookup.isTyped else { return .none }
      do {
        let lookup = try AppointmentLookup.typed(state.field)
        state.field = lookup.fieldText ?? state.field
        state.lookup = lookup
        state.searching = true
        state.results = nil
        return loadEffect(state)
      } catch {
        state.error = error.message
      }
    case .up: state.selection = max(0, state.selection - 1)
    case .down: state.selection = min(max(0, (state.results?.count ?? 0) - 1), state.selection + 1)
    case .slip:
      guard let detail = state.selected else { return .none }
      return .navigate(.push(.booking(.slip(detail.slip(timeZone: context.timeZone)))))
    case .reschedule:
      guard let detail = booked(&state) else { return .none }
      return .navigate(.push(.booking(.availability(rescheduleDraft(detail)))))
    case .excused, .revoked:
      guard booked(&state) != nil else { return .none }
      state.pending = .cancel(command == .excused ? .excused : .revoked)
    case .withdraw:
      guard let detail = state.selected else { return .none }
      guard !detail.consent.isWithdrawn else {
        state.error = "Le consentement est déjà retiré : les coordonnées sont effacées."
        return .none
      }
      state.pending = .withdraw
    }
    return .none
  }

  /// The selected appointment when it can still be moved or cancelled; otherwise says why not.
  static func booked(_ state: inout State) -> AppointmentDetail? {
    guard let detail = state.selected else { return nil }
    let status = detail.appointment.status
    guard status == .booked else {
      state.error =
        "Ce rendez-vous est « \(status.label.lowercased()) » : il ne peut plus être déplacé ni annulé."
      return nil
    }
    return detail
  }

  /// The availability screen in « move » mode: the structure the consent was given for, nothing else.
  static func rescheduleDraft(_ detail: AppointmentDetail) -> BookingDraft {
    var draft = BookingDraft(visit: detail.visit)
    draft.operatorKind = detail.structure.kind
    draft.structure = detail.structure
    draft.consentID = detail.consent.id
    draft.rescheduling = detail.reference
    return draft
  }

  static func confirm(_ pending: Pending, _ detail: AppointmentDetail) -> Effect {
    switch pending {
    case .cancel(let status): return .appointment(.cancel(detail.reference, status))
    case .withdraw:
      guard let id = detail.consent.id else { return .none }
      return .appointment(.withdrawConsent(consentID: id, detail.reference))
    }
  }

  /// A reference, phone or e-mail is typed here, through SafeText like every field.
  static func edit(_ key: Key, _ state: inout State) {
    guard state.lookup.isTyped else { return }
    switch key {
    case .char(let c): state.field.append(c)
    case .paste(let text): state.field += text
    case .backspace: if !state.field.isEmpty { state.field.removeLast() }
    default: return
    }
    state.field = String(SafeText.clean(state.field).prefix(80))
  }
}
