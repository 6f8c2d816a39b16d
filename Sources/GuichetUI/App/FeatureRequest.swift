import Foundation
import GuichetCore

/// A feature's own client of the store: a value of closures the live wiring fills in, with the value a
/// console gets for it when nothing was wired (every call refused « … indisponible ») and the one the key
/// fuzzer and the tests run on (small realistic answers, no database).
public protocol FeatureClient: Sendable {
  static var unavailable: Self { get }
  static var fake: Self { get }
}

/// A request a feature brings for its own client, so a new feature adds no case to `Effect`, no branch to
/// the effect interpreter and no row to the read-only refusal table: it says whether it writes (refused on
/// a read-only file), how it runs against its client, and how a refusal comes back to its screen.
public protocol FeatureRequest: Equatable, Sendable {
  associatedtype Client: FeatureClient
  var writes: Bool { get }
  func run(_ client: Client, now: Date) throws -> AppAction
  /// How an error of this request comes back (after `AppAction.failure` has taken the stale-account case).
  func failed(_ error: UserError) -> AppAction
}

/// The clients of the features, by type: a feature's client is found by its type, `unavailable` (or
/// `fake`, see `init(fakes:)`) when it was not registered.
public struct FeatureClients: Sendable {
  private var clients: [ObjectIdentifier: any FeatureClient] = [:]
  private var fakes = false

  public init() {}
  /// Clients that answer as the fuzzer and the tests expect when they were not registered.
  public init(fakes: Bool) { self.fakes = fakes }

  public subscript<C: FeatureClient>(_ type: C.Type) -> C {
    get { clients[ObjectIdentifier(type)] as? C ?? (fakes ? C.fake : C.unavailable) }
    set { clients[ObjectIdentifier(type)] = newValue }
  }
}

/// A feature's request inside `Effect.request`, compared and run without knowing its type.
public struct AnyFeatureRequest: Equatable, Sendable, CustomStringConvertible {
  public let base: any FeatureRequest

  public init(_ base: some FeatureRequest) { self.base = base }

  public var writes: Bool { base.writes }
  public var description: String { "\(base)" }

  /// Runs the request against its client; every error comes back through `AppAction.failure`.
  public func run(_ clients: FeatureClients, now: Date) -> AppAction {
    func run<R: FeatureRequest>(_ request: R) -> AppAction {
      do {
        return try request.run(clients[R.Client.self], now: now)
      } catch {
        return AppAction.failure(
          error as? UserError ?? UserError("Opération impossible : erreur inattendue."),
          report: request.failed)
      }
    }
    return run(base)
  }

  /// What a write answers on a read-only file, without reaching the store.
  public func refused(_ error: UserError) -> AppAction { base.failed(error) }

  public static func == (lhs: AnyFeatureRequest, rhs: AnyFeatureRequest) -> Bool {
    func equals<R: FeatureRequest>(_ left: R) -> Bool { (rhs.base as? R) == left }
    return equals(lhs.base)
  }
}

/// A feature's outcome: the French error it carries, if any, goes to the status line unless the screen on
/// top shows it itself (see `App.deliver`).
public protocol FeatureEvent: Equatable, Sendable {
  var error: UserError? { get }
}

/// A feature's outcome inside `AppAction.featureEvent`, read back by its screen with `event(as:)`.
public struct AnyFeatureEvent: Equatable, Sendable {
  public let base: any FeatureEvent

  public init(_ base: some FeatureEvent) { self.base = base }

  public func event<E: FeatureEvent>(as type: E.Type) -> E? { base as? E }
  public var error: UserError? { base.error }

  public static func == (lhs: AnyFeatureEvent, rhs: AnyFeatureEvent) -> Bool {
    func equals<E: FeatureEvent>(_ left: E) -> Bool { (rhs.base as? E) == left }
    return equals(lhs.base)
  }
}

extension Effect {
  /// A feature's own request (see `FeatureRequest`).
  public static func feature(_ request: some FeatureRequest) -> Effect {
    .request(AnyFeatureRequest(request))
  }
}

extension AppAction {
  /// A feature's own outcome (see `FeatureEvent`).
  public static func feature(_ event: some FeatureEvent) -> AppAction {
    .featureEvent(AnyFeatureEvent(event))
  }
}
