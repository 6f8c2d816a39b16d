import GuichetCore
import Testing

/// French phone numbers, e-mail addresses and names, with French messages.
@Suite struct ContactValidationTests {
  @Test(arguments: [
    "06 12 34 56 78", "0612345678", "06.12.34.56.78", "+33 6 12 34 56 78", "+33612345678",
    "0033 6 12 34 56 78", "+33 (0)6 12 34 56 78", "06-12-34-56-78",
  ])
  func acceptedPhones(text: String) throws {
    let phone = try PhoneNumber(parsing: text)
    #expect(phone.digits == "0612345678")
    #expect(phone.description == "06 12 34 56 78")
    #expect(phone.international == "+33612345678")
  }

  @Test(arguments: [
    "061234567", "06123456789", "0012345678", "6 12 34 56 78", "06 12 34 56 7a", "+44 20 7946 0958",
    "+33 06 12 34 56 78", "06/12/34/56/78",
  ])
  func rejectedPhones(text: String) {
    #expect(throws: UserError.self) { try PhoneNumber(parsing: text) }
  }

  @Test func phoneMessagesAreFrench() {
    #expect(
      throws: UserError(
        "Numéro de téléphone invalide : 10 chiffres commençant par 01 à 09 (ex. 06 12 34 56 78), ou +33 suivi de 9 chiffres."
      )
    ) { try PhoneNumber(parsing: "061234567") }
  }

  @Test(arguments: ["marie.dupont@exemple.fr", " Marie.Dupont@Exemple.FR ", "a+b@sous.domaine.org"])
  func acceptedEmails(text: String) throws {
    let email = try EmailAddress(parsing: text)
    #expect(email.value == email.value.lowercased())
    #expect(email.value.contains("@"))
  }

  @Test(arguments: [
    "marie", "marie@", "@exemple.fr", "marie@exemple", "marie dupont@exemple.fr",
    "marie@@exemple.fr",
    "marie@exemple..fr", ".marie@exemple.fr", "marie@exemple.f", "marie@-exemple.fr",
    "marie@exemple.123",
  ])
  func rejectedEmails(text: String) {
    #expect(
      throws: UserError(
        "Adresse électronique invalide : elle doit ressembler à prenom.nom@exemple.fr.")
    ) {
      try EmailAddress(parsing: text)
    }
  }

  @Test func contactNeedsNameAndOneWayToReach() throws {
    let contact = try Contact.validate(
      firstName: "  Jean-François ", lastName: "d’Alembert  Le Rond", phone: "",
      email: "jf@exemple.fr")
    #expect(contact.firstName == "Jean-François")
    #expect(contact.lastName == "d’Alembert Le Rond")
    #expect(contact.phone == nil)
    #expect(contact.displayName == "Jean-François D’ALEMBERT LE ROND")
    #expect(
      throws: UserError(
        "Indiquez un téléphone ou une adresse électronique pour prévenir la personne.")
    ) {
      try Contact.validate(firstName: "Marie", lastName: "Dupont", phone: " ", email: "")
    }
    #expect(throws: UserError("Indiquez le prénom.")) {
      try Contact.validate(firstName: "", lastName: "Dupont", phone: "0612345678", email: "")
    }
    #expect(throws: UserError.self) {
      try Contact.validate(firstName: "Marie2", lastName: "Dupont", phone: "0612345678", email: "")
    }
    #expect(throws: UserError.self) {
      try Contact.validate(
        firstName: "Marie", lastName: "\u{1B}[2J", phone: "0612345678", email: "")
    }
  }

  @Test func bookingReferencesReadBack() throws {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<100 {
      let reference = BookingReference.generate(using: &generator)
      #expect(try BookingReference(parsing: reference.value.lowercased()) == reference)
      #expect(reference.value.count == 13)
    }
    #expect(try BookingReference(parsing: "rdv 7k3m q9xp").value == "RDV-7K3M-Q9XP")
    #expect(try BookingReference(parsing: "RDV-7K3M-Q9XO").value == "RDV-7K3M-Q9X0")
    #expect(throws: UserError.self) { try BookingReference(parsing: "RDV-7K3M") }
  }

  @Test func consentTextNamesTheRecipient() {
    let text = ConsentText(
      version: 1, body: ConsentText.initialBody, retentionDays: 90,
      publishedAt: .init(timeIntervalSince1970: 0))
    let shown = text.rendered(recipient: "Mission locale de Vienne")
    #expect(shown.contains("Mission locale de Vienne"))
    #expect(shown.contains("90 jours"))
    #expect(!shown.contains("{"))
  }
}
