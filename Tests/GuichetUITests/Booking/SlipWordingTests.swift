import Foundation
import GuichetCore
import Testing

@testable import GuichetUI

/// What the slip tells the person to do depends on how the appointment takes place, and how to cancel is
/// always reachable: never « appelez X » with no number.
@Suite struct SlipWordingTests {
  static func slip(
    _ place: AppointmentPlace, phone: String? = "04 74 00 00 00", email: String? = nil,
    address: String? = "2 rue du Port"
  ) -> Slip {
    Slip(
      reference: try! BookingReference(parsing: "RDV-7K3M-Q9XP"),
      startsAt: Date(timeIntervalSince1970: 1_780_293_600),
      endsAt: Date(timeIntervalSince1970: 1_780_295_400), place: place,
      structure: OperatorStructure(
        kind: .capEmploi, name: "Cap emploi Isère", address: address,
        postcode: address.map { _ in "38000" },
        city: address.map { _ in "Grenoble" }, phone: phone, email: email),
      advisorName: "Claire Martin")
  }

  @Test func onSiteSaysWhatToBring() {
    let text = Self.slip(.onSite).text
    #expect(text.contains("À apporter : Une pièce d'identité"))
    #expect(text.contains("appelez Cap emploi Isère au 04 74 00 00 00"))
  }

  @Test func byPhoneSaysThePersonWillBeCalled() {
    let slip = Self.slip(.phone)
    #expect(slip.text.contains("Vous serez appelé·e au numéro que vous avez donné"))
    #expect(!slip.text.contains("À apporter"))
    #expect(!slip.ics(writtenAt: Date()).contains("À apporter"))
  }

  @Test func byVideoSaysHowTheInvitationComes() {
    let text = Self.slip(.video).text
    #expect(text.contains("Vous serez invité·e à la visioconférence par Cap emploi Isère"))
    #expect(!text.contains("À apporter"))
  }

  @Test func withoutAPhoneTheSlipNeverSaysCallWithNoNumber() {
    let byMail = Self.slip(.onSite, phone: nil, email: "contact@capemploi38.fr").howToCancel
    #expect(byMail.contains("écrivez à Cap emploi Isère (contact@capemploi38.fr)"))
    let byAddress = Self.slip(.onSite, phone: nil).howToCancel
    #expect(byAddress.contains("adressez-vous à Cap emploi Isère, 2 rue du Port"))
    let nothing = Self.slip(.onSite, phone: nil, address: nil).howToCancel
    #expect(nothing.contains("revenez à ce point d'accueil en donnant la référence RDV-7K3M-Q9XP"))
    for text in [byMail, byAddress, nothing] { #expect(!text.contains("appelez")) }
  }
}
