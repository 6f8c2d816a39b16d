/// CNIL délibération 2022-100, case with lockout: at least 12 characters (about 50 bits) with no other
/// composition rule, because attempts are limited (5 failures lock the account).
public enum PasswordPolicy {
  public static let minimumLength = 12
  /// Bounded so a pasted novel cannot make the key derivation work on megabytes.
  public static let maximumLength = 128

  public static func validate(_ password: String, login: String) throws(UserError) {
    guard password.count >= minimumLength else {
      throw UserError(
        "Le mot de passe doit compter au moins \(minimumLength) caractères (une phrase facile à retenir convient)."
      )
    }
    guard password.count <= maximumLength else {
      throw UserError("Le mot de passe est trop long (\(maximumLength) caractères au plus).")
    }
    guard Set(password).count >= 4 else {
      throw UserError("Le mot de passe répète trop les mêmes caractères.")
    }
    guard !password.lowercased().contains(login.lowercased()) || login.count < 3 else {
      throw UserError("Le mot de passe ne doit pas contenir l'identifiant.")
    }
    guard !password.contains(where: { $0.isNewline }) else {
      throw UserError("Le mot de passe ne peut pas contenir de retour à la ligne.")
    }
  }

  /// Logins are short lowercase words: they appear in lists, never a full name is required.
  public static func validateLogin(_ login: String) throws(UserError) -> String {
    let trimmed = login.trimmingSpaces.lowercased()
    guard (2...32).contains(trimmed.count),
      trimmed.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }),
      trimmed.first?.isLetter == true
    else {
      throw UserError(
        "Identifiant invalide : 2 à 32 caractères, lettres sans accent, chiffres, point, tiret ou souligné, en commençant par une lettre."
      )
    }
    return trimmed
  }
}
