/// A published figure that may be hidden for statistical secrecy (`*`): stored as NULL with a secret flag,
/// never as 0, so screens can say « secret » instead of showing a false zero.
struct SecretFigure: Equatable {
  var value: Int?
  var isSecret: Bool

  /// `*` → secret; empty → unknown (not secret); digits (spaces allowed) → value; anything else → nil (refused by the caller).
  static func parse(_ raw: String) -> SecretFigure? {
    let text = raw.filter { $0 != " " && $0 != "\u{00A0}" && $0 != "\u{202F}" }
    if text == "*" { return SecretFigure(value: nil, isSecret: true) }
    if text.isEmpty { return SecretFigure(value: nil, isSecret: false) }
    if let value = Int(text) { return SecretFigure(value: value, isSecret: false) }
    if let value = Double(text), value.rounded() == value, abs(value) < 1e12 {
      return SecretFigure(value: Int(value), isSecret: false)
    }
    return nil
  }
}
