import Foundation
import GuichetCore

/// What the consent texts screen asks of the store, run by its own client (see `FeatureRequest`).
public enum ConsentTextsRequest: FeatureRequest {
  case load
  case publish(body: String, retentionDays: Int, kind: OperatorKind?)

  public var writes: Bool {
    switch self {
    case .load: false
    case .publish: true
    }
  }

  public func run(_ client: ConsentTextsClient, now: Date) throws -> AppAction {
    switch self {
    case .load:
      return .feature(ConsentTextsEvent.loaded(try client.texts()))
    case .publish(let body, let days, let kind):
      let text = try client.publish(body, days, kind, now)
      return .feature(
        ConsentTextsEvent.published(
          "Version \(text.version) publiée (\(ConsentTextsScreen.scope(text.operatorKind))) : elle sera lue dès la prochaine prise de rendez-vous.",
          version: text.version))
    }
  }

  public func failed(_ error: UserError) -> AppAction { .feature(ConsentTextsEvent.failed(error)) }
}

/// The store's answers to `ConsentTextsRequest`.
public enum ConsentTextsEvent: FeatureEvent {
  case loaded([ConsentText])
  /// A version went out: what to say, and the version to keep selected.
  case published(String, version: Int)
  case failed(UserError)

  public var error: UserError? {
    if case .failed(let error) = self { error } else { nil }
  }
}

/// The store calls of the consent texts screen; `live` is wired by the executable.
public struct ConsentTextsClient: FeatureClient {
  public var texts: @Sendable () throws -> [ConsentText]
  public var publish: @Sendable (String, Int, OperatorKind?, Date) throws -> ConsentText

  public init(
    texts: @escaping @Sendable () throws -> [ConsentText],
    publish: @escaping @Sendable (String, Int, OperatorKind?, Date) throws -> ConsentText
  ) {
    self.texts = texts
    self.publish = publish
  }

  public static let unavailable: ConsentTextsClient = {
    let error = UserError("Textes de consentement indisponibles.")
    return ConsentTextsClient(texts: { throw error }, publish: { _, _, _, _ in throw error })
  }()

  static let fakeDate = Date(timeIntervalSince1970: 1_780_000_000)

  /// The first text for every kind and a second one for the CIO; a publication is version 3.
  public static let fake = ConsentTextsClient(
    texts: {
      [
        ConsentText(
          version: 1, body: ConsentText.initialBody,
          retentionDays: ConsentText.initialRetentionDays, publishedAt: fakeDate),
        ConsentText(
          version: 2, body: "Le CIO {structure} reçoit vos coordonnées pendant {duree} jours.",
          retentionDays: 60, publishedAt: fakeDate.addingTimeInterval(86_400), operatorKind: .cio),
      ]
    },
    publish: { body, days, kind, now in
      let text = ConsentText(
        version: 3, body: body, retentionDays: days, publishedAt: now, operatorKind: kind)
      try text.validate()
      return text
    })
}
