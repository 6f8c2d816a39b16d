import Foundation
import GuichetCore
import Testing

@testable import GuichetUI

/// The appointment screen's field takes a reference, a phone or an e-mail: Entrée on a phone (however
/// typed) looks it up as the contact form stores it, an e-mail in lower case; a result found so can be moved
/// and its slip reprinted; nothing found says who finds what.
@Suite struct AppointmentSearchTests {
  static let phone = try! PhoneNumber(parsing: "0612345678")

  static func atField(as role: Role = .agent, size: Size = Size(width: 80, height: 24))
    -> AppState
  {
    var app = Fixture.app(size: size, as: role)
    Fixture.send([.char("v")], to: &app)
    return app
  }

  @Test(arguments: ["06 12 34 56 78", "06.12.34.56.78", "+33 6 12 34 56 78", "0612345678"])
  func entréeOnAPhoneLooksItUp(_ typed: String) {
    var app = Self.atField()
    let effects = Fixture.send(Fixture.chars(typed) + [.enter], to: &app)
    #expect(effects.last == .appointment(.find(.phone(Self.phone))))
    #expect(AppointmentScreenTests.screen(app)?.field == "06 12 34 56 78")
    #expect(App.render(app).text.contains("Recherche…"))
  }

  @Test func anEmailIsLookedUpInLowerCase() throws {
    var app = Self.atField()
    let effects = Fixture.send(Fixture.chars("Lea.Durand@Exemple.FR") + [.enter], to: &app)
    #expect(
      effects.last
        == .appointment(.find(.email(try EmailAddress(parsing: "lea.durand@exemple.fr")))))
  }

  @Test func whatIsNeitherIsRefusedInFrench() {
    var app = Self.atField()
    #expect(Fixture.send(Fixture.chars("Durand") + [.enter], to: &app).last == Effect.none)
    #expect(
      AppointmentScreenTests.screen(app)?.error
        == "Tapez la référence du coupon (RDV-7K3M-Q9XP), le téléphone (06 12 34 56 78) ou l'e-mail de la personne."
    )
    Fixture.send(Array(repeating: .backspace, count: 6) + Fixture.chars("06 12 34"), to: &app)
    #expect(Fixture.send([.enter], to: &app).last == Effect.none)
    #expect(
      AppointmentScreenTests.screen(app)?.error?.hasPrefix("Numéro de téléphone invalide") == true)
    Fixture.send(Array(repeating: .backspace, count: 8) + Fixture.chars("lea@exemple"), to: &app)
    #expect(Fixture.send([.enter], to: &app).last == Effect.none)
    #expect(
      AppointmentScreenTests.screen(app)?.error?.hasPrefix("Adresse électronique invalide") == true)
  }

  @Test func aPhoneResultCanBeMovedAndItsSlipReprinted() {
    var app = Self.atField()
    Fixture.send(Fixture.chars("06 12 34 56 78") + [.enter], to: &app)
    _ = App.reduce(
      &app, .appointment(.found(.phone(Self.phone), [AppointmentScreenTests.detail()])))
    let text = App.render(app).text
    #expect(
      text.contains("RDV-7K3M-Q9XP · mar. 01/12/2026 12:15 · Prévu · Mission locale de Chambéry"),
      "\(text)")
    if let mismatch = snapshotMismatch(App.render(app), named: "appointment-by-phone-80x24") {
      Issue.record(Comment(rawValue: mismatch))
    }
    #expect(Fixture.send([.function(4)], to: &app) == [.none])
    guard case .booking(.slip(let slip)) = app.top else {
      Issue.record("slip expected, got \(app.top)")
      return
    }
    #expect(slip.slip.reference == AppointmentScreenTests.reference)
    Fixture.send([.escape], to: &app)
    #expect(
      Fixture.send([.function(5)], to: &app) == [
        .appointment(.findSlots(structureID: 5, .firstFree))
      ])
    guard case .booking(.availability(let availability)) = app.top else {
      Issue.record("availability expected, got \(app.top)")
      return
    }
    #expect(availability.draft.rescheduling == AppointmentScreenTests.reference)
  }

  @Test func aPhoneWithNothingToChangeSaysWhoFindsWhat() {
    var app = Self.atField()
    Fixture.send(Fixture.chars("06 12 34 56 78") + [.enter], to: &app)
    // An answer for another lookup is not this one's.
    _ = App.reduce(&app, .appointment(.found(.reference(AppointmentScreenTests.reference), [])))
    #expect(AppointmentScreenTests.screen(app)?.results == nil)
    _ = App.reduce(&app, .appointment(.found(.phone(Self.phone), [])))
    var text = App.render(app).text
    #expect(
      text.contains("Aucun rendez-vous pris par vous n'est enregistré avec ce téléphone"), "\(text)"
    )
    var advisor = Self.atField(as: .advisor)
    Fixture.send(Fixture.chars("06 12 34 56 78") + [.enter], to: &advisor)
    _ = App.reduce(&advisor, .appointment(.found(.phone(Self.phone), [])))
    text = App.render(advisor).text
    #expect(
      text.contains("Aucun rendez-vous de votre structure n'est enregistré avec ce téléphone"),
      "\(text)")
  }
}
