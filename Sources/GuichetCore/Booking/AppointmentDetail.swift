import Foundation

/// One booked appointment as the desk sees it when the person comes back or calls: the appointment, who
/// gives it and where, the anonymous visit it came from, its consent and the contact while the consent holds.
/// The store reads it whole in one transaction, so its parts never come from two moments.
public struct AppointmentDetail: Equatable, Sendable {
  public var appointment: Appointment
  public var structure: OperatorStructure
  public var advisorName: String
  public var visit: Visit
  public var consent: Consent
  public var contact: Contact?
  /// No contact shows because this account may not see it (another agent took the consent), not because
  /// it was erased: the screen says which.
  public var contactHidden: Bool

  public init(
    appointment: Appointment, structure: OperatorStructure, advisorName: String, visit: Visit,
    consent: Consent, contact: Contact?, contactHidden: Bool = false
  ) {
    self.appointment = appointment
    self.structure = structure
    self.advisorName = advisorName
    self.visit = visit
    self.consent = consent
    self.contact = contact
    self.contactHidden = contactHidden
  }

  public var reference: BookingReference { appointment.reference }
}
