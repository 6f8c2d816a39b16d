import Foundation
import GRDB
import GuichetCore
import GuichetStore
import Testing

/// The first-level booking flow in the real binary: visit → aiguillage → consentement « oui » → coordonnées
/// → réservation → coupon, then the rows the store wrote (and did not write) are checked.
@Suite(.serialized) struct BookingEndToEndTests {
  /// An advisor of the first seeded Mission locale, open every day so a slot is always near.
  static func addAdvisor(_ path: String) throws -> OperatorStructure {
    let database = try AppDatabase.open(path: path)
    let structure = try #require(
      try database.operatorStructures().first { $0.kind == .missionLocale })
    let advisor = try database.saveAdvisor(
      Advisor(structureID: try #require(structure.id), displayName: "Claire Martin"))
    _ = try database.saveOpeningRule(
      OpeningRule(
        advisorID: try #require(advisor.id), weekdays: Set(Weekday.allCases),
        start: try #require(TimeOfDay(hour: 0)), end: try #require(TimeOfDay(hour: 23, minute: 30)),
        slotMinutes: 30, validFrom: LocalDate(Date().addingTimeInterval(-86_400))))
    return structure
  }

  @Test func visitToSlip() throws {
    let slips = FileManager.default.temporaryDirectory.appendingPathComponent(
      "guichet-slips-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: slips) }
    let console = try TmuxConsole(environment: ["GUICHET_SLIPS_DIR": slips.path])
    try console.waitFor("Nouvelle visite (au guichet)")
    let structure = try Self.addAdvisor(console.databasePath)

    // Demande 1, Décrocheur, 16-25 ans: routing recommends the Mission locale.
    try console.press("n")
    try console.waitFor("Demande(s)")
    try console.press("1", "Enter", "3", "3", "F7")
    let recommendation = try console.waitFor("Opérateurs recommandés")
    let line = try #require(
      recommendation.split(separator: "\n").first { $0.contains(". Mission locale") })
    let number = try #require(
      line.split(separator: ".").first?.trimmingCharacters(in: .whitespaces))
    try console.press(number)
    if try console.screen().contains("Pourquoi") { try console.press("1") }
    try console.waitFor("Claire Martin")
    try console.press("Enter")
    try console.waitFor("Réponse de la personne")
    // Entrée alone does not consent.
    try console.press("Enter")
    try console.waitFor("Tapez « oui » ou « non »")
    try console.type("oui")
    try console.press("Enter")
    try console.waitFor("Consentement enregistré")
    try console.type("Marie")
    try console.press("Tab")
    try console.type("Dupont")
    try console.press("Tab")
    try console.type("0612345678")
    try console.press("F2")
    let slip = try console.waitFor("Rendez-vous confirmé")
    #expect(slip.contains(structure.name.prefix(30)))
    #expect(slip.contains("Référence : RDV-"))
    try console.press("e")
    let saved = try console.waitFor("Coupon enregistré")
    #expect(saved.contains(".txt et RDV-"))
    try console.press("F2")
    try console.waitFor("Demande(s)")
    try console.press("F2")
    try console.waitFor("clôturée")
    try console.press("F10")
    try console.waitFor("__EXIT__0")

    let database = try AppDatabase.open(path: console.databasePath)
    let appointments = try database.appointments(visitID: 1)
    #expect(appointments.count == 1)
    let appointment = try #require(appointments.first)
    #expect(appointment.structureID == structure.id)
    #expect(try database.contact(consentID: appointment.consentID)?.lastName == "Dupont")
    let files = try FileManager.default.contentsOfDirectory(atPath: slips.path).sorted()
    #expect(files == ["\(appointment.reference).ics", "\(appointment.reference).txt"])
    for file in files {
      let content = try String(contentsOf: slips.appendingPathComponent(file), encoding: .utf8)
      #expect(content.contains(appointment.reference.value))
      #expect(!content.contains("Dupont") && !content.contains("12345678"))
    }

    // The console still has the file open: wait for its locks rather than fail at once.
    var configuration = Configuration()
    configuration.busyMode = .timeout(30)
    let queue = try DatabaseQueue(path: console.databasePath, configuration: configuration)
    let visitRow = try #require(
      try queue.read { try Row.fetchOne($0, sql: "SELECT * FROM visit WHERE id = 1") })
    #expect(visitRow["outcome"] as String? == Outcome.appointmentBooked.rawValue)
    let values = visitRow.columnNames.map { "\(visitRow[$0] as DatabaseValue)" }.joined(
      separator: "|")
    for personal in ["Marie", "Dupont", "0612345678", "612345678"] {
      #expect(!values.contains(personal))
    }
  }
}
