import GuichetCore
import Testing

@Suite struct PersonalDataTripwireTests {
  @Test(arguments: [
    "06 12 34 56 78", "0612345678", "06.12.34.56.78", "06-12-34-56-78", "+33 6 12 34 56 78",
    "0033612345678", "appeler 04 74 00 00 00 demain",
  ])
  func phoneNumbers(_ text: String) {
    #expect(PersonalDataTripwire.findings(in: text) == [.phone], "\(text)")
  }

  @Test(arguments: ["marie.dupont@example.fr", "mail: m_d+x@sub.domaine.com", "jo @ free.fr"])
  func emailAddresses(_ text: String) {
    #expect(PersonalDataTripwire.findings(in: text).contains(.email), "\(text)")
  }

  @Test(arguments: [
    "1 85 05 78 006 084 36", "285052A00608436", "1850578006084", "2.99.12.75.123.456",
  ])
  func socialSecurityNumbers(_ text: String) {
    #expect(PersonalDataTripwire.findings(in: text).contains(.nir), "\(text)")
  }

  @Test(arguments: [
    "FR76 3000 6000 0112 3456 7890 189", "fr7630006000011234567890189", "DE89370400440532013000",
  ])
  func ibans(_ text: String) {
    #expect(PersonalDataTripwire.findings(in: text).contains(.iban), "\(text)")
  }

  @Test(arguments: [
    "boulanger", "aide-soignante", "A1101", "RNCP34826", "38200 Vienne", "CAP cuisine niveau 3",
    "bac+2", "2026", "M1805 développeur", "06 12", "ligne 12 34",
  ])
  func ordinarySearchesPass(_ text: String) {
    #expect(PersonalDataTripwire.findings(in: text).isEmpty, "\(text)")
  }

  @Test func theWarningNamesWhatWasSeen() {
    let warning = PersonalDataTripwire.warning(for: [.phone, .email])
    #expect(warning?.contains("numéro de téléphone ou une adresse électronique") == true)
    #expect(PersonalDataTripwire.warning(for: []) == nil)
  }
}
