import Foundation
import GRDB
import GuichetCore
import GuichetUI
import Testing

@testable import GuichetConsole
@testable import GuichetStore

/// The refusals a desk meets on a real SQLite file, through the live services and the interpreter: a file
/// this account may not write, another desk holding the write lock, an account disabled or changed since
/// its login, a role without the permission. Each comes back as the French text the screen shows.
@Suite struct StoreRefusalTests {
  static let password = "une phrase de passe solide"
  static let cheap = PasswordHasher(logRounds: 10, blockSize: 8, parallelism: 1)

  /// A database file in its own folder with an administrator and an agent, and a desk's live services.
  struct World {
    var folder: URL
    var path: String
    var database: AppDatabase
    var workplace: Workplace
    var admin: Account

    init() throws {
      folder = FileManager.default.temporaryDirectory.appendingPathComponent(
        "guichet-console-\(UUID().uuidString)", isDirectory: true)
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      path = folder.appendingPathComponent("guichet.sqlite").path
      database = try AppDatabase.open(path: path, bundledReference: false)
      database.passwordHasher = cheap
      workplace = try database.workplace(siteName: "CIO Chambéry", deskName: "Poste 1")
      admin = try database.createAccount(
        login: "admin", role: .administrator, password: password, by: nil)
      _ = try database.createAccount(
        login: "agent", role: .agent, password: password, by: admin.caller)
    }

    /// The interpreter of a desk on `database` (this world's own, unless given), in `context`.
    func desk(_ database: AppDatabase? = nil, readOnly: Bool = false) -> EffectInterpreter {
      var database = database ?? self.database
      database.passwordHasher = cheap
      return ConsoleFixture.interpreter(
        .live(
          database, workplace: workplace, session: SessionCaller(), readOnly: readOnly,
          slips: folder.appendingPathComponent("rendez-vous")))
    }

    var context: AppContext {
      AppContext(workplace: workplace, now: ConsoleFixture.now)
    }

    func remove() {
      chmod(path, 0o644)
      try? FileManager.default.removeItem(at: folder)
    }
  }

  static func signIn(_ interpreter: EffectInterpreter, _ context: AppContext, as login: String)
    -> [AppAction]
  {
    interpreter.run(.session(.logIn(login: login, password: password)), context: context)
  }

  static func signedIn(_ actions: [AppAction], as login: String) -> Bool {
    guard case .session(.signedIn(let account)) = actions.first else { return false }
    return actions.count == 1 && account.login == login
  }

  /// Nothing that needs an account runs before a login.
  @Test func aWriteBeforeTheLoginAsksToSignIn() throws {
    let world = try World()
    defer { world.remove() }
    let actions = world.desk().run(.registerArrival(.walkIn), context: world.context)
    #expect(actions == [.failed(UserError("Connectez-vous pour continuer."))])
  }

  @Test func aFileThisAccountMayNotWriteRefusesWritesAndStillShowsTheQueue() throws {
    let world = try World()
    defer { world.remove() }
    chmod(world.path, 0o444)
    let opened = try AppDatabase.openForDesk(path: world.path)
    let reason = try #require(opened.readOnly)
    #expect(reason.message.hasPrefix("Base non modifiable, rien n'a été enregistré."))
    var context = world.context
    context.readOnly = reason
    let desk = world.desk(opened.database, readOnly: true)
    // The login only checks the password: nothing is written for it.
    #expect(Self.signedIn(Self.signIn(desk, context, as: "agent"), as: "agent"))
    #expect(
      desk.run(.registerArrival(.walkIn), context: context) == [.failed(UserError(reason.message))])
    #expect(desk.run(.loadQueue, context: context) == [.queueLoaded([])])
    #expect(try world.database.openVisits(siteID: world.workplace.siteID).isEmpty)
  }

  @Test func anotherDeskHoldingTheFileGivesABusyRefusalThatMayBeRetried() throws {
    let world = try World()
    defer { world.remove() }
    // This desk gives up at once instead of waiting the ten seconds of the busy timeout.
    var configuration = AppDatabase.configuration()
    configuration.busyMode = .immediateError
    let impatient = try AppDatabase(DatabasePool(path: world.path, configuration: configuration))
    let desk = world.desk(impatient)
    #expect(Self.signedIn(Self.signIn(desk, world.context, as: "agent"), as: "agent"))
    // The other desk takes the write lock on its own thread and keeps it until told to commit.
    let other = try DatabaseQueue(path: world.path)
    let held = DispatchSemaphore(value: 0)
    let release = DispatchSemaphore(value: 0)
    let committed = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      do {
        try other.writeWithoutTransaction { db in
          try db.execute(sql: "BEGIN IMMEDIATE")
          held.signal()
          release.wait()
          try db.execute(sql: "COMMIT")
        }
      } catch {
        held.signal()
      }
      committed.signal()
    }
    held.wait()
    let refused = desk.run(.registerArrival(.walkIn), context: world.context)
    release.signal()
    committed.wait()
    guard case .failed(let error) = refused.first else {
      Issue.record("\(refused)")
      return
    }
    #expect(refused.count == 1)
    #expect(error.message.hasSuffix("base occupée par un autre poste, réessayez."), "\(error)")
    #expect(error.retryable)
    guard
      case .arrivalRegistered = desk.run(.registerArrival(.walkIn), context: world.context).first
    else {
      Issue.record("the retry after the other desk committed should register the arrival")
      return
    }
  }

  /// An administrator disables the agent's account while the desk stays signed in: the next write sends the
  /// console back to its login, and the account cannot sign in again.
  @Test func anAccountDisabledSinceTheLoginEndsTheSession() throws {
    let world = try World()
    defer { world.remove() }
    let desk = world.desk()
    #expect(Self.signedIn(Self.signIn(desk, world.context, as: "agent"), as: "agent"))
    _ = try world.database.disableAccount(login: "agent", by: world.admin.caller)
    let actions = desk.run(.registerArrival(.walkIn), context: world.context)
    #expect(actions == [.session(.accountNoLongerValid(.accountNoLongerValid))])
    #expect(
      UserError.accountNoLongerValid.message
        == "Votre compte a été désactivé ou modifié : reconnectez-vous.")
    #expect(try world.database.openVisits(siteID: world.workplace.siteID).isEmpty)
    // The disabled account is refused at the login with the login's own French text.
    let again = Self.signIn(desk, world.context, as: "agent")
    #expect(again == [.session(.refused(UserError(AppDatabase.loginRefused)))])
  }

  @Test func aRoleChangedSinceTheLoginEndsTheSession() throws {
    let world = try World()
    defer { world.remove() }
    let desk = world.desk()
    #expect(Self.signedIn(Self.signIn(desk, world.context, as: "agent"), as: "agent"))
    guard
      case .arrivalRegistered(let visit) = desk.run(
        .registerArrival(.walkIn), context: world.context
      ).first
    else {
      Issue.record("the live agent should register an arrival")
      return
    }
    try world.database.writer.write {
      try $0.execute(sql: "UPDATE account SET role = 'supervisor' WHERE login = 'agent'")
    }
    var coded = visit
    coded.publicCategory = .senior
    #expect(
      desk.run(.save(coded), context: world.context)
        == [.session(.accountNoLongerValid(.accountNoLongerValid))])
    #expect(
      try world.database.visit(id: try #require(visit.id))?.publicCategory == visit.publicCategory)
    #expect(visit.publicCategory != .senior)
  }

  /// An agent's console cannot reach what only administrators may do, whatever key was pressed.
  @Test func aRoleWithoutThePermissionIsRefusedInFrench() throws {
    let world = try World()
    defer { world.remove() }
    let desk = world.desk()
    #expect(Self.signedIn(Self.signIn(desk, world.context, as: "agent"), as: "agent"))
    let actions = desk.run(.accounts(.load), context: world.context)
    guard case .accounts(.failed(let error)) = actions.first else {
      Issue.record("\(actions)")
      return
    }
    #expect(error.message == Permission.administerAccounts.refusal)
  }
}
