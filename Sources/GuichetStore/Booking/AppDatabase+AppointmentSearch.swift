import Foundation
import GRDB
import GuichetCore

extension AppDatabase {
  /// The appointments of the person with this phone or e-mail, compared as the contact form stores them
  /// (national digits, lower case), among those the caller may change (`AppointmentAccess.changeable`: an
  /// agent those booked under a consent they took, an advisor their structure's), latest first, at most 20,
  /// in one transaction. Only a live consent still holds a contact, so nothing withdrawn comes back. Each
  /// contact matched was read to answer: it is audited (`contact_read`, by id, never the phone or e-mail).
  /// The lookup itself is audited too, matches or not, with only the number of appointments found, so an
  /// account trying numbers leaves a trace; the same lookup repeated by a screen's reload within 15
  /// minutes is not audited again (`ContactLookupMemo`).
  public func appointmentDetails(
    phone: PhoneNumber? = nil, email: EmailAddress? = nil, by caller: Caller, at date: Date = Date()
  ) throws -> [AppointmentDetail] {
    guard phone != nil || email != nil else {
      throw UserError("Indiquez un téléphone ou une adresse électronique.")
    }
    let lookup = contactLookups.digest(
      account: caller.accountID, phone: phone?.digits, email: email?.value)
    let audited = contactLookups.isDue(lookup, at: date)
    let found: [AppointmentDetail] = try StoreErrors.run("Recherche des rendez-vous de la personne")
    {
      try writer.write { db in
        try caller.require(.changeAppointment, in: db)
        let (changeable, arguments) = AppointmentAccess.changeable(caller)
        let rows = try Row.fetchAll(
          db,
          sql: """
            SELECT a.id, ct.id FROM appointment a JOIN advisor ad ON ad.id = a.advisor_id
            JOIN consent cs ON cs.id = a.consent_id JOIN contact ct ON ct.consent_id = cs.id
            WHERE (ct.phone = ? OR ct.email = ?) AND \(changeable)
            ORDER BY a.starts_at DESC, a.id DESC LIMIT 20
            """, arguments: [phone?.digits, email?.value] + arguments)
        let appointmentIDs: [Int64] = rows.map { $0[0] }
        if audited {
          try AuditLog.append(
            db, by: caller, action: .appointmentLookup, subject: "contact",
            count: appointmentIDs.count, at: date)
        }
        for contactID in Set(rows.map { $0[1] as Int64 }).sorted() {
          try AuditLog.appendContactRead(db, by: caller, contactID: contactID, at: date)
        }
        guard !appointmentIDs.isEmpty else { return [] }
        let details = try Self.appointmentDetails(
          db,
          where:
            "a.id IN (\(Array(repeating: "?", count: appointmentIDs.count).joined(separator: ",")))",
          StatementArguments(appointmentIDs), by: caller, at: date)
        return appointmentIDs.compactMap { id in details.first { $0.appointment.id == id } }
      }
    }
    if audited { contactLookups.record(lookup, at: date) }
    return found
  }
}
