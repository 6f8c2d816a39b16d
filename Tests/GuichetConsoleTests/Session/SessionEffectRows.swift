import Foundation
import GuichetCore
import GuichetUI

@testable import GuichetConsole

extension EffectRow {
  /// The login screen: a login only checks a password, even on a read-only file; creating the first
  /// administrator writes.
  static let session: [EffectRow] = [
    EffectRow(
      .session(.checkFirstAdministrator), calls: ["session.administrationState"],
      answers: { _ in [.session(.administrationChecked(.administered))] }),
    EffectRow(
      .session(.logIn(login: "lea", password: "une phrase de passe")), calls: ["session.logIn"],
      answers: { [.session(.signedIn($0.account("lea", role: .agent, id: 1001)))] }),
    EffectRow(
      .session(.createFirstAdministrator(login: "admin", password: "une phrase de passe")),
      calls: ["session.createFirstAdministrator"],
      answers: { [.session(.signedIn($0.account("admin", role: .administrator, id: 1001)))] },
      refused: { [.session(.refused($0))] }),
    EffectRow(.session(.signOut), calls: ["session.signOut"], answers: { _ in [] }),
    // The hand-over is audited by the live service, which writes nothing on a read-only file itself.
    EffectRow(.session(.changeUser), calls: ["session.changeUser"], answers: { _ in [] }),
  ]
}
