import Foundation
import GuichetStore

/// Tells the person starting Guichet, in French, when the database files are open to other accounts.
enum ExposureNotice {
  static func report(path: String) {
    for warning in FileExposure.warnings(path: path) {
      CommandLineMessage.error(warning)
    }
  }
}
