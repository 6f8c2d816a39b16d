import Foundation
import GuichetCore
import GuichetStore
import GuichetUI

extension ConsentTextsClient {
  /// The store calls of the consent texts screen, as the signed-in account.
  static func live(_ database: AppDatabase, session: SessionCaller) -> ConsentTextsClient {
    ConsentTextsClient(
      texts: { try database.consentTexts() },
      publish: {
        try database.publishConsentText(
          body: $0, retentionDays: $1, operatorKind: $2, by: session.current(), at: $3)
      })
  }
}
