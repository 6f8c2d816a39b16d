import Foundation
import GuichetCore
import GuichetUI

@testable import GuichetConsole

extension EffectRow {
  /// The accounts screen: the list with structures and last logins, and one write.
  static let accounts: [EffectRow] = [
    EffectRow(
      .accounts(.load), calls: ["accounts.load"],
      matching: { actions, _ in
        guard case .accounts(.loaded(let list, let structures, let lastLogins)) = actions.first
        else { return false }
        return actions.count == 1 && list.map(\.login) == ["fuzz", "cmartin"]
          && structures == [FakeData.structure] && lastLogins.keys.sorted() == [1]
      }),
    EffectRow(
      .accounts(.write(.disable(login: "cmartin"))), calls: ["accounts.write"],
      answers: { _ in [.accounts(.written(login: "cmartin", message: "Enregistré."))] },
      refused: { [.accounts(.failed($0))] }),
  ]
}
