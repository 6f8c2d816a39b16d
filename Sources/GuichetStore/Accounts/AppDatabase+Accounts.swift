import Foundation
import GRDB
import GuichetCore

extension AppDatabase {
  /// Failed attempts in a row that lock an account, and for how long.
  public static let lockoutThreshold = 5
  public static let lockoutDuration: TimeInterval = 15 * 60

  /// The one message for every refused login: unknown login, wrong password, disabled or locked account
  /// all read the same, so nobody learns which logins exist.
  public static let loginRefused =
    "Identifiant ou mot de passe incorrect. Après \(lockoutThreshold) erreurs, le compte est verrouillé 15 minutes."

  /// What the login screen offers: the first administrator's form on a database with no account at all,
  /// and only there.
  public func administrationState() throws -> AdministrationState {
    try StoreErrors.run("Lecture des comptes") {
      try writer.read(Self.administrationState)
    }
  }

  /// The refusal of the console's first-administrator form once the database has any account.
  public static let firstAdministratorRefused =
    "Cette base a déjà des comptes : un administrateur se crée ou se réactive sur le serveur, avec le compte de service (\(AdministrationState.hostCommands))."

  /// Creates an account. Only an administrator may, except the very first administrator of a database
  /// with no account at all (`caller` nil: the console's first start), whose creation the audit trail then
  /// credits to the new account itself, the only person there. Both are decided in the writing transaction.
  /// The password is checked against the policy and hashed before the write lock is taken.
  @discardableResult
  public func createAccount(
    login: String, role: Role, structureID: Int64? = nil, password: String, by caller: Caller?,
    now: Date = Date()
  ) throws -> Account {
    try createAccount(
      login: login, role: role, structureID: structureID, password: password, by: caller,
      now: now, signingIn: false)
  }

  /// The console's first start: creates the database's first administrator (`createAccount`'s rules for a
  /// nil caller) and signs them in, audited as a login, in the same transaction. The password was just
  /// chosen, so it is hashed once and not checked again.
  public func createFirstAdministrator(login: String, password: String, now: Date = Date())
    throws -> Account
  {
    try createAccount(
      login: login, role: .administrator, password: password, by: nil, now: now, signingIn: true)
  }

  func createAccount(
    login: String, role: Role, structureID: Int64? = nil, password: String, by caller: Caller?,
    now: Date, signingIn: Bool
  ) throws -> Account {
    let login = try PasswordPolicy.validateLogin(login)
    try PasswordPolicy.validate(password, login: login)
    if role == .advisor && structureID == nil {
      throw UserError("Un compte conseiller est rattaché à une structure : indiquez laquelle.")
    }
    let hash = try StoreErrors.run("Calcul de l'empreinte du mot de passe") {
      try passwordHasher.hash(password)
    }
    return try StoreErrors.run("Création du compte") {
      try writer.write { db in
        if let caller {
          try caller.require(.administerAccounts, in: db)
        } else if try Self.administrationState(db) != .noAccount {
          throw UserError(Self.firstAdministratorRefused)
        } else if role != .administrator {
          throw UserError(Permission.administerAccounts.refusal)
        }
        if try Bool.fetchOne(
          db, sql: "SELECT 1 FROM account WHERE login = ?", arguments: [login]) == true
        {
          throw UserError("L'identifiant « \(login) » est déjà pris.")
        }
        if let structureID, role == .advisor {
          try OperatorStructureRecord.requireExisting(
            db, key: structureID, "La structure n° \(structureID) n'existe pas.")
        }
        try db.execute(
          sql: """
            INSERT INTO account (login, role, structure_id, password_hash, created_at, password_changed_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """,
          arguments: [
            login, role.rawValue, role == .advisor ? structureID : nil, hash, now, now,
          ])
        let id = db.lastInsertedRowID
        try AuditLog.append(
          db, by: caller ?? Caller(accountID: id, role: role), action: .accountCreated,
          subject: "account", subjectID: id, at: now)
        let account = try Self.account(db, id: id)
        if signingIn {
          try AuditLog.append(
            db, by: account.caller, action: .login, subject: "account", subjectID: id, at: now)
        }
        return account
      }
    }
  }

  /// Checks a login and password. Every refusal throws the same `loginRefused` message; the fifth wrong
  /// password in a row locks the account for 15 minutes. Success and failure are both audited.
  public func authenticate(login: String, password: String, now: Date = Date()) throws -> Account {
    let typed = login.trimmingCharacters(in: .whitespaces).lowercased()
    let row = try StoreErrors.run("Connexion") {
      try writer.read { db in
        try Row.fetchOne(
          db,
          sql: "SELECT id, password_hash, is_disabled, locked_until FROM account WHERE login = ?",
          arguments: [typed])
      }
    }
    // An unknown login costs the same one derivation, from the first attempt on (the decoy is made
    // without one), so the answer takes as long either way.
    let stored: String = row?["password_hash"] ?? passwordHasher.decoy()
    let matches = PasswordHasher.verify(password, against: stored)
    let lockedUntil: Date? = row?["locked_until"]
    let usable =
      row != nil && matches && row?["is_disabled"] == false
      && (lockedUntil.map { $0 <= now } ?? true)
    let upgraded =
      usable && passwordHasher.isStronger(than: stored) ? try? passwordHasher.hash(password) : nil
    return try StoreErrors.run("Connexion") {
      let outcome: Result<Account, UserError> = try writer.write { db in
        guard let id: Int64 = row?["id"] else {
          try AuditLog.append(db, by: nil, action: .loginFailed, via: .console, at: now)
          return .failure(UserError(Self.loginRefused))
        }
        let account = try Self.account(db, id: id)
        guard usable else {
          try Self.recordFailure(
            db, account: account, counts: lockedUntil.map { $0 <= now } ?? true, now: now)
          return .failure(UserError(Self.loginRefused))
        }
        try db.execute(
          sql: "UPDATE account SET failed_attempts = 0, locked_until = NULL WHERE id = ?",
          arguments: [id])
        if let upgraded {
          try db.execute(
            sql: "UPDATE account SET password_hash = ? WHERE id = ?", arguments: [upgraded, id])
        }
        try AuditLog.append(
          db, by: account.caller, action: .login, subject: "account", subjectID: id, at: now)
        return .success(try Self.account(db, id: id))
      }
      return try outcome.get()
    }
  }

  /// The login check of a read-only desk (damaged or unwritable file): same answers as `authenticate`,
  /// and the same lockout, but counted in memory (`readOnlyLogins`) since nothing can be written. Each
  /// refusal says so on the screen and goes to the system log (never the password, nor the login typed).
  public func checkPassword(login: String, password: String, now: Date = Date()) throws -> Account {
    let typed = login.trimmingCharacters(in: .whitespaces).lowercased()
    let account = try StoreErrors.run("Connexion") {
      try writer.read { db in
        try Row.fetchOne(db, sql: "SELECT * FROM account WHERE login = ?", arguments: [typed])
          .map { (Self.account($0), $0["password_hash"] as String) }
      }
    }
    let matches = PasswordHasher.verify(password, against: account?.1 ?? passwordHasher.decoy())
    let lockedHere = readOnlyLogins.isLocked(typed, now: now)
    if let (found, _) = account, matches, !lockedHere, !found.isDisabled,
      found.lockedUntil.map({ $0 <= now }) ?? true
    {
      readOnlyLogins.recordSuccess(typed)
      return found
    }
    let failures = readOnlyLogins.recordFailure(
      typed, now: now, threshold: Self.lockoutThreshold, lockout: Self.lockoutDuration)
    SystemLog.notice(
      "connexion refusée sur un poste en lecture seule (base \(writer.path)) : \(failures) échec(s) de suite pour cet identifiant"
    )
    throw UserError(
      Self.loginRefused
        + " Poste en lecture seule : \(failures) échec(s) de suite pour cet identifiant, comptés sur ce poste et notés dans le journal du système."
    )
  }

  /// Counts a wrong password (not while the account is already locked) and locks at the threshold.
  static func recordFailure(_ db: Database, account: Account, counts: Bool, now: Date) throws {
    try AuditLog.append(
      db, by: account.caller, action: .loginFailed, subject: "account", subjectID: account.id,
      at: now)
    guard counts else { return }
    try db.execute(
      sql: "UPDATE account SET failed_attempts = failed_attempts + 1 WHERE id = ?",
      arguments: [account.id])
    let failures =
      try Int.fetchOne(
        db, sql: "SELECT failed_attempts FROM account WHERE id = ?", arguments: [account.id]) ?? 0
    guard failures >= lockoutThreshold else { return }
    try db.execute(
      sql: "UPDATE account SET failed_attempts = 0, locked_until = ? WHERE id = ?",
      arguments: [now.addingTimeInterval(lockoutDuration), account.id])
    try AuditLog.append(
      db, by: account.caller, action: .accountLocked, subject: "account", subjectID: account.id,
      at: now)
  }

  /// The account hands the desk over (« changer d'utilisateur »): recorded in the audit trail, like its login.
  public func logOut(by caller: Caller, at now: Date) throws {
    try StoreErrors.run("Déconnexion") {
      try writer.write { db in
        try AuditLog.append(
          db, by: caller, action: .logout, subject: "account", subjectID: caller.accountID, at: now)
      }
    }
  }

  /// Every account, by login; administrators only.
  public func accounts(by caller: Caller) throws -> [Account] {
    try StoreErrors.run("Lecture des comptes") {
      try writer.read { db in
        try caller.require(.administerAccounts, in: db)
        return try Row.fetchAll(db, sql: "SELECT * FROM account ORDER BY login COLLATE french, id")
          .map(Self.account)
      }
    }
  }

  /// Each account's last login still in the audit trail (administrators only): a dormant account shows.
  public func lastLogins(by caller: Caller) throws -> [Int64: Date] {
    try StoreErrors.run("Lecture des dernières connexions") {
      try writer.read { db in
        try caller.require(.administerAccounts, in: db)
        let rows = try Row.fetchAll(
          db,
          sql: """
            SELECT subject_id, max(at) AS at FROM audit_entry
            WHERE subject = 'account' AND action = ? AND subject_id IS NOT NULL
            GROUP BY subject_id
            """, arguments: [AuditAction.login.rawValue])
        var logins: [Int64: Date] = [:]
        for row in rows {
          if let id: Int64 = row["subject_id"], let at: Date = row["at"] { logins[id] = at }
        }
        return logins
      }
    }
  }

  /// Disables an account (kept for the audit trail's ids); the last active administrator cannot be disabled.
  @discardableResult
  public func disableAccount(login: String, by caller: Caller, now: Date = Date()) throws -> Account
  {
    try setDisabled(true, login: login, by: caller, now: now)
  }

  /// Lets a disabled account log in again (administrators only), with its old password: an administrator
  /// who doubts it sets a new one too.
  @discardableResult
  public func enableAccount(login: String, by caller: Caller, now: Date = Date()) throws -> Account
  {
    try setDisabled(false, login: login, by: caller, now: now)
  }

  /// One audited write for both directions; a no-op when the account is already in that state.
  private func setDisabled(_ disabled: Bool, login: String, by caller: Caller, now: Date) throws
    -> Account
  {
    try StoreErrors.run(disabled ? "Désactivation du compte" : "Réactivation du compte") {
      try writer.write { db in
        try caller.require(.administerAccounts, in: db)
        let account = try Self.account(db, login: login)
        if account.isDisabled == disabled { return account }
        try db.execute(
          sql: "UPDATE account SET is_disabled = ? WHERE id = ?", arguments: [disabled, account.id])
        if disabled, account.role == .administrator, try !Self.hasActiveAdministrator(db) {
          throw UserError(
            "C'est le dernier administrateur actif : créez-en un autre avant de le désactiver.")
        }
        try AuditLog.append(
          db, by: caller, action: disabled ? .accountDisabled : .accountEnabled,
          subject: "account", subjectID: account.id, at: now)
        return try Self.account(db, id: account.id)
      }
    }
  }

  /// Sets a new password (an administrator for anyone, or the account itself) and lifts a lockout. Who may
  /// is checked before the password is hashed, and again in the writing transaction.
  public func changePassword(
    login: String, to password: String, by caller: Caller, now: Date = Date()
  )
    throws
  {
    let target = try StoreErrors.run("Lecture du compte") {
      try writer.read { db in try Self.passwordTarget(db, login: login, by: caller) }
    }
    try PasswordPolicy.validate(password, login: target.login)
    let hash = try StoreErrors.run("Calcul de l'empreinte du mot de passe") {
      try passwordHasher.hash(password)
    }
    try StoreErrors.run("Changement du mot de passe") {
      try writer.write { db in
        let target = try Self.passwordTarget(db, login: login, by: caller)
        try db.execute(
          sql: """
            UPDATE account SET password_hash = ?, password_changed_at = ?, failed_attempts = 0,
              locked_until = NULL
            WHERE id = ?
            """, arguments: [hash, now, target.id])
        try AuditLog.append(
          db, by: caller, action: .passwordChanged, subject: "account", subjectID: target.id,
          at: now)
      }
    }
  }

  /// The account whose password `caller` may change: any for an administrator, otherwise their own.
  static func passwordTarget(_ db: Database, login: String, by caller: Caller) throws -> Account {
    try caller.requireLive(in: db)
    let target = try account(db, login: login)
    guard Permission.administerAccounts.allows(caller) || caller.accountID == target.id else {
      throw UserError("Seul un administrateur peut changer le mot de passe d'un autre compte.")
    }
    return target
  }

  static func administrationState(_ db: Database) throws -> AdministrationState {
    guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM account)") == true else {
      return .noAccount
    }
    return try hasActiveAdministrator(db) ? .administered : .noActiveAdministrator
  }

  static func hasActiveAdministrator(_ db: Database) throws -> Bool {
    try Bool.fetchOne(
      db, sql: "SELECT 1 FROM account WHERE role = 'administrator' AND is_disabled = 0 LIMIT 1")
      ?? false
  }

  static func account(_ db: Database, id: Int64) throws -> Account {
    guard let row = try Row.fetchOne(db, sql: "SELECT * FROM account WHERE id = ?", arguments: [id])
    else { throw UserError("Ce compte n'existe pas.") }
    return account(row)
  }

  static func account(_ db: Database, login: String) throws -> Account {
    guard
      let row = try Row.fetchOne(
        db, sql: "SELECT * FROM account WHERE login = ?",
        arguments: [login.trimmingCharacters(in: .whitespaces).lowercased()])
    else { throw UserError("Aucun compte ne porte l'identifiant « \(SafeText.clean(login)) ».") }
    return account(row)
  }

  static func account(_ row: Row) -> Account {
    Account(
      id: row["id"], login: row["login"], role: Role(rawValue: row["role"]) ?? .agent,
      structureID: row["structure_id"], isDisabled: row["is_disabled"],
      lockedUntil: row["locked_until"], createdAt: row["created_at"])
  }

}
