import Foundation
import GuichetCore

/// The minimal contact, typed only after the consent: names and a phone and/or an e-mail, checked in French
/// formats before booking. A person already known by phone or e-mail is offered for reuse. Everything typed
/// stays here when the slot is lost to another desk.
public enum ContactScreen {
  public enum Field: Int, CaseIterable, Sendable {
    case firstName, lastName, phone, email

    public var label: String {
      switch self {
      case .firstName: "Prénom"
      case .lastName: "Nom"
      case .phone: "Téléphone"
      case .email: "Courriel"
      }
    }

    var limit: Int { self == .email ? 120 : self == .phone ? 25 : Contact.maximumNameLength }
  }

  public enum Command: Equatable, Sendable { case book, next, previous, reuse }

  public struct State: Equatable, Sendable {
    public var draft: BookingDraft
    public var fields: [Field: String] = [:]
    public var focus: Field = .firstName
    public var error: String?
    /// Known contacts with the same phone or e-mail, offered once before booking.
    public var duplicates: [Contact] = []
    public var duplicatesChecked = false
    public var booking = false
    /// Set when the slot was taken meanwhile: the agent picks another, nothing typed is lost.
    public var nextFree: [AvailableSlot]?
    public var nextHighlight = 0
    /// The reference generated for the current attempt; kept across retries so a crash books nothing twice.
    public var reference: BookingReference?

    public init(draft: BookingDraft) { self.draft = draft }

    public func text(_ field: Field) -> String { fields[field] ?? "" }
  }

  public enum Action: Equatable, Sendable {
    case key(Key)
    case duplicatesFound([Contact])
    case slotTaken([AvailableSlot])
    /// The store booked the slot: the visit holds the outcome and the slip is shown.
    case booked(Appointment)
    /// The booking under this reference failed; a retry reuses the reference.
    case bookingFailed(BookingReference, UserError)
    case failed(UserError)
  }

  public static let bindings: [KeyBinding<Command>] = [
    KeyBinding([.function(2)], "Réserver", help: "Vérifier les coordonnées et réserver", .book),
    KeyBinding([.tab, .down], "Champ suivant", .next, inKeyBar: false),
    KeyBinding([.backTab, .up], "Précédent", help: "Champ précédent", .previous, inKeyBar: false),
    KeyBinding(
      [.function(5)], "Reprendre", help: "Reprendre les coordonnées de la personne déjà connue",
      .reuse),
  ]

  public static func reduce(_ state: inout State, _ action: Action, context: AppContext) -> Effect {
    switch action {
    case .duplicatesFound(let found):
      state.duplicates = found
      state.duplicatesChecked = true
      state.booking = false
      // Nobody known: book at once; otherwise the agent chooses to reuse or to book as typed.
      return found.isEmpty ? book(&state) : .none
    case .slotTaken(let slots):
      state.booking = false
      state.nextFree = slots
      state.nextHighlight = 0
      state.error = "Ce créneau vient d'être pris."
      return .navigate(.status(BookingOutcome.slotTaken))
    case .booked(let appointment):
      return booked(appointment, state, context: context)
    case .bookingFailed(let reference, let error):
      state.reference = reference
      state.booking = false
      state.error = error.message
      return .none
    case .failed(let error):
      state.booking = false
      state.error = error.message
      return .none
    case .key(let key):
      guard !state.booking else { return .none }
      if state.nextFree != nil { return nextFreeKey(key, &state) }
      state.error = nil
      if let command: Command = bindings.command(for: key) {
        return perform(command, &state)
      }
      edit(key, &state)
      return .none
    }
  }

  static func perform(_ command: Command, _ state: inout State) -> Effect {
    let fields = Field.allCases
    switch command {
    case .next: state.focus = fields[min(fields.count - 1, state.focus.rawValue + 1)]
    case .previous: state.focus = fields[max(0, state.focus.rawValue - 1)]
    case .reuse:
      guard let known = state.duplicates.first else { return .none }
      state.fields[.firstName] = known.firstName
      state.fields[.lastName] = known.lastName
      state.fields[.phone] = known.phone?.description ?? state.text(.phone)
      state.fields[.email] = known.email?.value ?? state.text(.email)
      state.duplicates = []
    case .book:
      guard let contact = validated(&state) else { return .none }
      if !state.duplicatesChecked {
        state.booking = true
        return .booking(.findDuplicates(contact))
      }
      return book(&state)
    }
    return .none
  }

  /// Typed and pasted text goes through SafeText: no control character is ever kept.
  static func edit(_ key: Key, _ state: inout State) {
    let field = state.focus
    var text = state.text(field)
    switch key {
    case .char(let c): text.append(c)
    case .paste(let pasted): text += pasted
    case .backspace: if !text.isEmpty { text.removeLast() }
    case .enter:
      let fields = Field.allCases
      state.focus = fields[min(fields.count - 1, field.rawValue + 1)]
      return
    default: return
    }
    state.fields[field] = String(SafeText.clean(text).prefix(field.limit))
    // Changing the phone or e-mail means the duplicate check must run again.
    if field == .phone || field == .email {
      state.duplicatesChecked = false
      state.duplicates = []
    }
  }

  static func validated(_ state: inout State) -> Contact? {
    do {
      return try Contact.validate(
        firstName: state.text(.firstName), lastName: state.text(.lastName),
        phone: state.text(.phone), email: state.text(.email))
    } catch {
      state.error = error.message
      return nil
    }
  }

  static func book(_ state: inout State) -> Effect {
    guard let contact = validated(&state), let slot = state.draft.slot,
      let visitID = state.draft.visit.id, let consentID = state.draft.consentID
    else {
      state.booking = false
      return .none
    }
    state.booking = true
    return .booking(
      .book(
        BookingRequest(
          reference: state.reference, slot: slot, visitID: visitID, consentID: consentID,
          override: state.draft.override, contact: contact)))
  }

  static func nextFreeKey(_ key: Key, _ state: inout State) -> Effect {
    let slots = state.nextFree ?? []
    switch key {
    case .up: state.nextHighlight = max(0, state.nextHighlight - 1)
    case .down: state.nextHighlight = min(max(0, slots.count - 1), state.nextHighlight + 1)
    case .escape:
      state.nextFree = nil
    case .enter:
      guard slots.indices.contains(state.nextHighlight) else {
        state.nextFree = nil
        return .none
      }
      state.draft.slot = slots[state.nextHighlight]
      state.nextFree = nil
      state.error = nil
      // A new slot is a new booking attempt: a fresh reference.
      state.reference = nil
      return book(&state)
    default: break
    }
    return .none
  }
}

/// One booking attempt: the reference is generated by the runtime when nil and reported back, so a retry
/// of the same attempt reuses it.
public struct BookingRequest: Equatable, Sendable {
  public var reference: BookingReference?
  public var slot: AvailableSlot
  public var visitID: Int64
  public var consentID: Int64
  public var override: RoutingOverride?
  public var contact: Contact

  public init(
    reference: BookingReference?, slot: AvailableSlot, visitID: Int64, consentID: Int64,
    override: RoutingOverride?, contact: Contact
  ) {
    self.reference = reference
    self.slot = slot
    self.visitID = visitID
    self.consentID = consentID
    self.override = override
    self.contact = contact
  }
}
