import Foundation

/// Spots text that looks like personal data typed where only anonymous words belong (search boxes): the screen
/// warns the agent, and the store keeps none of it. It errs on the side of caution: a false alarm costs a warning.
public enum PersonalDataTripwire {
  public enum Finding: String, CaseIterable, Sendable {
    case phone
    case email
    case nir
    case iban

    public var label: String {
      switch self {
      case .phone: "un numéro de téléphone"
      case .email: "une adresse électronique"
      case .nir: "un numéro de sécurité sociale"
      case .iban: "un IBAN"
      }
    }
  }

  /// What the text seems to contain, in `Finding` order.
  public static func findings(in text: String) -> [Finding] {
    let range = NSRange(text.startIndex..., in: text)
    return Finding.allCases.filter { finding in
      (patterns[finding] ?? []).contains { pattern in
        (try? NSRegularExpression(pattern: pattern))?.firstMatch(in: text, range: range) != nil
      }
    }
  }

  public static func looksPersonal(_ text: String) -> Bool { !findings(in: text).isEmpty }

  /// « Cette saisie ressemble à un numéro de téléphone : … »
  public static func warning(for findings: [Finding]) -> String? {
    guard !findings.isEmpty else { return nil }
    let what = findings.map(\.label).joined(separator: " ou ")
    return
      "Cette saisie ressemble à \(what) : ne tapez pas de données personnelles ici, elles ne seront pas enregistrées."
  }

  /// Compiled on each use (a few microseconds): NSRegularExpression is not Sendable.
  static let patterns: [Finding: [String]] = [
    // 06 12 34 56 78, 06.12.34.56.78, +33 6 12 34 56 78, 0033612345678
    .phone: [
      #"(?<!\d)(?:\+|00)\s?33\s?\(?0?\)?\s?[1-9](?:[\s.\-]?\d{2}){4}(?!\d)"#,
      #"(?<!\d)0[1-9](?:[\s.\-]?\d{2}){4}(?!\d)"#,
    ],
    .email: [#"[A-Za-z0-9._%+\-]+\s?@\s?[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}"#],
    // Sex, year, month, department (2A/2B for Corsica), commune, order number, optional key.
    .nir: [
      #"(?<![\dA-Za-z])[12][\s.]?\d{2}[\s.]?(?:0[1-9]|1[0-2]|[2-9]\d)[\s.]?(?:\d{2}|2[ABab])[\s.]?\d{3}[\s.]?\d{3}(?:[\s.]?\d{2})?(?!\d)"#
    ],
    .iban: [
      #"(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?:[\s]?[A-Za-z0-9]{4}){2,7}(?:[\s]?[A-Za-z0-9]{1,4})?(?![A-Za-z0-9])"#
    ],
  ]
}
