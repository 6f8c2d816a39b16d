import Foundation
import GRDB
import GuichetCore
import GuichetStore
import Testing

/// The whole second-level flow in the real binary, on a clock set by `GUICHET_NOW`: an administrator sets up
/// a structure, an advisor and an opening rule from the console, and the advisor's account from the
/// accounts screen; a desk codes a visit, follows the aiguillage, takes the consent, the contact and a
/// booking, saves the slip, finds the appointment again by its reference and moves it; later the same day
/// the advisor logs in, lands on their structure's agenda and marks it seen. Then the rows the store wrote
/// (and did not write) are checked.
@Suite(.serialized) struct BookingEndToEndTests {
  /// Thursday 3 December 2026, 10:30 in Paris, then 18:30 once the appointment has taken place.
  static let morning = "2026-12-03T10:30"
  static let evening = "2026-12-03T18:30"

  @Test func adminToBookingToMoveToSeen() throws {
    let slips = TmuxConsole.slipsFolder()
    defer { try? FileManager.default.removeItem(at: slips) }
    let admin = try TmuxConsole(
      environment: ["GUICHET_NOW": Self.morning], login: .administrator)
    try admin.waitFor("jeu. 03/12/2026 10:3")
    try Self.setUpAgenceEssai(on: admin)
    try Self.createTheAdvisorAccount(on: admin)
    try admin.quit()

    let desk = try TmuxConsole(
      environment: ["GUICHET_SLIPS_DIR": slips.path, "GUICHET_NOW": Self.morning], sharing: admin)
    try desk.waitFor("Nouvelle visite (au guichet)")

    // Demande 1, Décrocheur, 16-25 ans: routing recommends the Mission locale.
    try desk.startBookingWithTheMissionLocale()
    let slots = try desk.waitFor("Claire Martin")
    #expect(slots.contains("jeu. 03/12/2026 11:00  J+0"))
    try desk.press("Enter")
    try desk.waitFor("Réponse de la personne")
    // Entrée alone does not consent.
    try desk.press("Enter")
    try desk.waitFor("Tapez « oui » ou « non »")
    try desk.type("oui")
    try desk.press("Enter")
    try desk.waitFor("Consentement enregistré")
    try desk.type("Marie")
    try desk.press("Tab")
    try desk.type("Dupont")
    try desk.press("Tab")
    try desk.type("0612345678")
    try desk.press("F2")
    let slip = try desk.waitFor("Rendez-vous confirmé")
    #expect(slip.contains("Structure : Agence Essai (Mission locale)"))
    #expect(slip.contains("jeu. 03/12/2026 de 11:00 à 11:30"))
    let reference = try TmuxConsole.reference(onSlip: slip)
    try desk.press("e")
    let saved = try desk.waitFor("Coupon enregistré")
    #expect(saved.contains(".txt et RDV-"))
    try desk.leaveTheSlipAndCloseTheVisit()

    // « Est-ce que c'est passé ? »: found by its reference, typed loosely, then moved to 11:30.
    let found = try desk.findAppointment(
      typing: reference.lowercased().replacingOccurrences(of: "-", with: " "),
      until: "Personne : Marie DUPONT")
    #expect(found.contains("\(reference) · jeu. 03/12/2026 11:00 · Prévu · Agence Essai"))
    try desk.press("F5")
    let offered = try desk.waitFor("Déplacer \(reference) · Agence Essai")
    #expect(!offered.contains("03/12/2026 11:00"))
    try desk.press("Enter")
    try desk.waitFor("Rendez-vous \(reference) déplacé au jeu. 03/12/2026 à 11:30.")
    try desk.press("F2")
    try desk.waitFor("\(reference) · jeu. 03/12/2026 11:30 · Prévu")

    // At the desk, « reçu » is not offered and refused in French: the advisor notes whether the person came.
    try desk.press("Escape", "g")
    try desk.waitFor("Agence Essai")
    try desk.press("Enter")
    try desk.waitFor("Agenda du jour")
    try desk.waitFor("Marie DUPONT")
    try desk.press("r")
    try desk.waitFor("Réservé aux conseillers.")
    try desk.quit()

    // The advisor's console in the evening: straight on their structure's day, the appointment marked seen.
    let advisor = try TmuxConsole(
      environment: ["GUICHET_NOW": Self.evening], sharing: desk, login: nil)
    try advisor.logIn(login: "cmartin", password: Self.advisorPassword)
    try advisor.waitFor("Bonjour, cmartin (conseiller)")
    let day = try advisor.waitFor("Jeudi 03/12/2026 (aujourd'hui) · 1 rendez-vous")
    #expect(day.contains("Agence Essai"))
    #expect(day.contains("11:30"))
    #expect(day.contains("Décrocheur"))
    #expect(
      day.contains("Marie DUPONT"), "the advisor sees the contact of their structure's booking")
    try advisor.press("r")
    try advisor.waitFor("Rendez-vous \(reference) : reçu.")
    try advisor.quit()

    let database = try AppDatabase.open(path: desk.databasePath)
    let appointments = try database.appointments(visitID: 1, by: .commandLine)
    #expect(appointments.count == 1)
    let appointment = try #require(appointments.first)
    #expect(appointment.reference.value == reference)
    #expect(appointment.status == .seen)
    #expect(appointment.delayDays == 0)
    let paris = try #require(TimeZone(identifier: "Europe/Paris"))
    #expect(
      appointment.startsAt
        == LocalClock.instant(
          try #require(LocalDate(year: 2026, month: 12, day: 3)),
          try #require(TimeOfDay(hour: 11, minute: 30)), in: paris))
    #expect(
      try database.contact(consentID: appointment.consentID, by: .commandLine)?.lastName == "Dupont"
    )
    // Stored times come from the same clock: the consent was given on the 3rd, not today.
    let consent = try #require(try database.consent(id: appointment.consentID))
    #expect(LocalDate(consent.givenAt).number == 20_261_203)
    let files = try FileManager.default.contentsOfDirectory(atPath: slips.path).sorted()
    #expect(files == ["\(reference).ics", "\(reference).txt"])
    for file in files {
      let content = try String(contentsOf: slips.appendingPathComponent(file), encoding: .utf8)
      #expect(content.contains(reference))
      #expect(!content.contains("Dupont") && !content.contains("12345678"))
    }

    let visitRow = try #require(
      try readDatabase(desk.databasePath) {
        try Row.fetchOne($0, sql: "SELECT * FROM visit WHERE id = 1")
      })
    #expect(visitRow["outcome"] as String? == Outcome.appointmentBooked.rawValue)
    let values = visitRow.columnNames.map { "\(visitRow[$0] as DatabaseValue)" }.joined(
      separator: "|")
    for personal in ["Marie", "Dupont", "0612345678", "612345678"] {
      #expect(!values.contains(personal))
    }
  }

  /// Administration: a Mission locale named to sort first, Claire Martin, open every day 08:00–18:00.
  static func setUpAgenceEssai(on admin: TmuxConsole) throws {
    try admin.press("o")
    try admin.waitFor("Admin · structures")
    try admin.press("n")
    try admin.waitFor("Nouvelle structure")
    try admin.press("Right", "Tab")
    try admin.type("Agence Essai")
    try admin.press("Tab", "Tab")
    try admin.type("730")
    try admin.press("F2")
    try admin.waitFor("Le code postal a 5 chiffres")
    try admin.type("00")
    // A structure that takes appointments needs its phone (commune, then phone).
    try admin.press("Tab", "Tab")
    try admin.type("04 79 00 00 00")
    try admin.press("F2")
    try admin.waitFor("Structure ajoutée : Agence Essai.")
    try admin.press("Enter")
    try admin.waitFor("Agence Essai (Mission locale)")
    try admin.press("n")
    try admin.type("Claire Martin")
    try admin.press("F2")
    try admin.waitFor("Conseiller ajouté : Claire Martin.")
    try admin.press("Enter")
    try admin.waitFor("Aucune plage")
    try admin.press("p")
    try admin.waitFor("Nouvelle plage d'ouverture")
    try admin.press("DC")
    try admin.type("lun-dim")
    try admin.press("Tab", "DC")
    try admin.type("08:00")
    try admin.press("Tab", "DC")
    try admin.type("07:00")
    try admin.press("Tab", "DC")
    try admin.type("30")
    try admin.press("F2")
    try admin.waitFor("L'heure de fin (07:00) doit suivre l'heure de début (08:00).")
    try admin.press("Up", "DC")
    try admin.type("18h")
    try admin.press("F2")
    try admin.waitFor("lun-dim 08:00–18:00 · 30 min · Sur place")
    try admin.press("Escape", "Escape", "Escape")
    try admin.waitFor("Administration des opérateurs")
  }

  static let advisorPassword = "le conseil du jeudi matin"

  /// The accounts screen: an advisor account for Agence Essai, its structure found by typing its name.
  static func createTheAdvisorAccount(on admin: TmuxConsole) throws {
    try admin.press("c")
    try admin.waitFor("compte(s)")
    try admin.press("n")
    try admin.waitFor("Nouveau compte")
    try admin.type("cmartin")
    try admin.press("Tab", "Right", "Tab")
    try admin.type("agence ess")
    try admin.waitFor("Structure du conseiller")
    try admin.press("Enter")
    try admin.type(Self.advisorPassword)
    try admin.press("Tab")
    try admin.type(Self.advisorPassword)
    try admin.press("F2")
    let listed = try admin.waitFor("Compte créé : cmartin (conseiller).")
    #expect(listed.contains("Agence Essai"))
    #expect(!listed.contains(Self.advisorPassword))
    try admin.press("Escape")
    try admin.waitFor("Administration des opérateurs")
  }
}
