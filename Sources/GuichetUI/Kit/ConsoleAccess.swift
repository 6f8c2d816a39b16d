import GuichetCore

/// Who may use a key or open a screen in the console, read from the store's own `Permission` table (nil:
/// every signed-in role, for what holds no personal data). It keeps forbidden keys off the screen and answers
/// them with one short French line; the store checks every call again and decides what data comes back.
public enum ConsoleAccess {
  public static func allows(_ permission: Permission?, _ role: Role?) -> Bool {
    guard let role else { return false }
    return permission?.roles.contains(role) ?? true
  }

  /// « Réservé aux administrateurs. », « Réservé aux agents d'accueil et aux conseillers. »
  public static func refusal(_ permission: Permission?) -> String {
    let roles = Role.allCases.filter { permission?.roles.contains($0) ?? true }
    let names = roles.map { "aux " + $0.plural }
    let list =
      names.count > 1
      ? names.dropLast().joined(separator: ", ") + " et " + (names.last ?? "") : names.joined()
    return "Réservé \(list)."
  }
}
