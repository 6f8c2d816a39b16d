import Foundation
import Testing

/// Steps the booking end-to-end tests share, as an agent types them.
extension TmuxConsole {
  /// From home: a new visit, routed to the Mission locale up to its free slots.
  func startBookingWithTheMissionLocale() throws {
    try startVisit()
    try routeToTheMissionLocale()
  }

  /// On a visit form at its request field: coded « demande 1, décrocheur, 16-25 ans », F7, and the Mission
  /// locale chosen among the recommended operators (its number read from the screen), up to the free slots.
  func routeToTheMissionLocale() throws {
    try press("1", "Enter", "3", "3", "F7")
    let recommendation = try waitFor("Opérateurs recommandés")
    let line = try #require(
      recommendation.split(separator: "\n").first { $0.contains(". Mission locale") })
    try press(try #require(line.split(separator: ".").first?.trimmingCharacters(in: .whitespaces)))
    // A choice outside the recommendation asks why; the first reason will do.
    if try screen().contains("Pourquoi") { try press("1") }
  }

  /// On the consent screen: « oui », then the person's contact (Marie Dupont, 06 12 34 56 78 unless told)
  /// and F2 to book.
  func consentAndTypeContact(
    firstName: String = "Marie", lastName: String = "Dupont", phone: String = "0612345678"
  ) throws {
    try waitFor("Réponse de la personne")
    try type("oui")
    try press("Enter")
    try waitFor("Consentement enregistré")
    try type(firstName)
    try press("Tab")
    try type(lastName)
    try press("Tab")
    try type(phone)
    try press("F2")
  }

  /// From home, with « Agence Essai » open: the Mission locale's first free slot booked for Marie Dupont, up
  /// to the slip; returns the reference it shows. `slots` is what the slot list shows first (the screen is
  /// returned through `offered`).
  func bookTheFirstSlotForMarieDupont(
    slots expected: String = "Claire Martin", offered: ((String) -> Void)? = nil
  ) throws -> String {
    try startBookingWithTheMissionLocale()
    offered?(try waitFor(expected))
    try press("Enter")
    try consentAndTypeContact()
    return try Self.reference(onSlip: try waitFor("Rendez-vous confirmé"))
  }

  /// The « Référence : RDV-… » line of a slip on screen.
  static func reference(onSlip slip: String) throws -> String {
    try #require(
      slip.split(separator: "\n").first { $0.contains("Référence : RDV-") }?
        .split(separator: ":").last?.trimmingCharacters(in: .whitespaces))
  }

  /// On the slip of a booking: F2 back to the visit, F2 again to close it.
  func leaveTheSlipAndCloseTheVisit() throws {
    try press("F2")
    try waitFor("Demande(s)")
    try press("F2")
    try waitFor("clôturée")
  }

  /// Échap from a screen opened from home, back to it.
  func backHome() throws {
    try press("Escape")
    try waitFor("Nouvelle visite (au guichet)")
  }

  /// From home, « v »: types a reference, phone or e-mail, Entrée, and waits for `shown`.
  @discardableResult
  func findAppointment(typing typed: String, until shown: String) throws -> String {
    try press("v")
    try waitFor("Référence, téléphone ou e-mail")
    try type(typed)
    try press("Enter")
    return try waitFor(shown)
  }

  /// A fresh folder name for a console's slips (GUICHET_SLIPS_DIR), to remove after the test.
  static func slipsFolder() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent(
      "guichet-slips-\(UUID().uuidString)")
  }
}
