/// A French phone number, kept in its 10-digit national form (« 0612345678 ») so duplicates match
/// however it was typed: « 06 12 34 56 78 », « 06.12.34.56.78 », « +33 6 12 34 56 78 », « 0033 (0)6… ».
public struct PhoneNumber: Hashable, Sendable, CustomStringConvertible {
  public let digits: String

  public init(parsing text: String) throws(UserError) {
    let compact = SafeText.clean(text).filter { !" .-\u{00A0}\u{202F}".contains($0) }
    guard !compact.isEmpty else { throw UserError("Indiquez un numéro de téléphone.") }
    var rest = Substring(compact)
    var international = false
    if rest.hasPrefix("+33") {
      rest = rest.dropFirst(3)
      international = true
    } else if rest.hasPrefix("0033") {
      rest = rest.dropFirst(4)
      international = true
    }
    if international && rest.hasPrefix("(0)") { rest = rest.dropFirst(3) }
    guard rest.allSatisfy({ $0.isASCII && $0.isNumber }) else {
      throw UserError(
        "Numéro de téléphone invalide : seuls les chiffres, les espaces et les points sont acceptés."
      )
    }
    let national = international ? "0" + rest : String(rest)
    guard national.count == 10, national.hasPrefix("0"), national.dropFirst().first != "0" else {
      throw UserError(
        "Numéro de téléphone invalide : 10 chiffres commençant par 01 à 09 (ex. 06 12 34 56 78), ou +33 suivi de 9 chiffres."
      )
    }
    digits = national
  }

  /// « 06 12 34 56 78 », as French slips print it.
  public var description: String {
    stride(from: 0, to: 10, by: 2).map { offset in
      let start = digits.index(digits.startIndex, offsetBy: offset)
      return String(digits[start..<digits.index(start, offsetBy: 2)])
    }.joined(separator: " ")
  }

  /// « +33612345678 », for calendar files and SMS gateways.
  public var international: String { "+33" + digits.dropFirst() }
}
