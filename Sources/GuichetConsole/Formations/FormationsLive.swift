import Foundation
import GuichetCore
import GuichetStore
import GuichetUI

extension FormationsClient {
  /// The store call of « Se former ». The offers hold no personal data: every signed-in role may read them.
  static func live(_ database: AppDatabase) -> FormationsClient {
    FormationsClient { subject, origin, today in
      try database.trainingSessions(for: subject, near: origin, today: today)
    }
  }
}
