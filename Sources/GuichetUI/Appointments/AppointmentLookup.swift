import Foundation
import GuichetCore

/// How the appointment screen finds appointments: by what the agent typed (the slip's reference, or the
/// person's phone or e-mail when they have no slip; none yet), or from the visit that booked.
public enum AppointmentLookup: Equatable, Sendable {
  case reference(BookingReference?)
  case phone(PhoneNumber)
  case email(EmailAddress)
  case visit(Int64)

  /// True for a lookup typed in the field (every case but a visit's).
  var isTyped: Bool {
    if case .visit = self { return false }
    return true
  }

  /// What the agent typed, read as a reference (« RDV… », or 8 symbols), an e-mail (an @) or a phone
  /// (digits, spaces, dots, +), each parsed as the slip and the contact form do, with their French refusal.
  public static func typed(_ text: String) throws(UserError) -> AppointmentLookup {
    let cleaned = SafeText.clean(text).trimmingCharacters(in: .whitespaces)
    if cleaned.contains("@") { return .email(try EmailAddress(parsing: cleaned)) }
    if cleaned.uppercased().hasPrefix("RDV") {
      return .reference(try BookingReference(parsing: cleaned))
    }
    // Only phone characters and not the 8 symbols of a reference: a phone, refused as the form does.
    let digits = cleaned.filter { $0.isASCII && $0.isNumber }.count
    if digits > 0, cleaned.allSatisfy(Self.phoneCharacters.contains),
      digits != 8 || cleaned.contains("+")
    {
      return .phone(try PhoneNumber(parsing: cleaned))
    }
    if let reference = try? BookingReference(parsing: cleaned) { return .reference(reference) }
    throw UserError(
      "Tapez la référence du coupon (RDV-7K3M-Q9XP), le téléphone (06 12 34 56 78) ou l'e-mail de la personne."
    )
  }

  static let phoneCharacters = Set("0123456789 .-+()\u{00A0}\u{202F}")

  /// The field's text once read: the reference or the phone as printed, the e-mail in lower case.
  var fieldText: String? {
    switch self {
    case .reference(let reference): reference?.value
    case .phone(let phone): phone.description
    case .email(let email): email.value
    case .visit: nil
    }
  }
}
