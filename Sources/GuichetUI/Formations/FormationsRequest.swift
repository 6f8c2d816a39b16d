import Foundation
import GuichetCore

/// What « Se former » asks of the store, run by its own client (see `FeatureRequest`).
public enum FormationsRequest: FeatureRequest {
  case load(TrainingSubject, near: TrainingOrigin)

  public var writes: Bool { false }

  public func run(_ client: FormationsClient, now: Date) throws -> AppAction {
    switch self {
    case .load(let subject, let origin):
      let offers = try client.sessions(subject, origin, Day.number(of: now))
      return .feature(FormationsEvent.loaded(subject, near: origin, offers))
    }
  }

  public func failed(_ error: UserError) -> AppAction { .feature(FormationsEvent.failed(error)) }
}

/// The store's answers to `FormationsRequest`.
public enum FormationsEvent: FeatureEvent {
  case loaded(TrainingSubject, near: TrainingOrigin, TrainingOffers)
  case failed(UserError)

  public var error: UserError? {
    if case .failed(let error) = self { error } else { nil }
  }
}

/// The store call of « Se former »; `live` is wired by the console.
public struct FormationsClient: FeatureClient {
  /// Sessions of a subject near an origin, still open on a day (`yyyymmdd`).
  public var sessions: @Sendable (TrainingSubject, TrainingOrigin, Int) throws -> TrainingOffers

  public init(
    sessions: @escaping @Sendable (TrainingSubject, TrainingOrigin, Int) throws -> TrainingOffers
  ) {
    self.sessions = sessions
  }

  public static let unavailable = FormationsClient { _, _, _ in
    throw UserError("Offre de formation indisponible.")
  }

  /// Two sessions in Savoie for any subject, whatever the day, with the DEAS's débouchés and the GRETA's
  /// establishment figures as published.
  public static let fake = FormationsClient { subject, origin, _ in
    let certification = TrainingCertification(
      code: "RNCP4495", title: "Diplôme d'Etat d'aide-soignant (DEAS)",
      outcomes: [
        DiplomaOutcome(
          diplomaCode: "56033102", voie: .apprenticeship, millesime: "2022_2023", cohort: 94,
          leavers: 81, employedAt6Months: .percent(65), employedAt12Months: .percent(70),
          employedAt24Months: .notYetMeasured, continuingStudies: .percent(14))
      ])
    let title =
      switch subject {
      case .rome: "Aide-soignant / Aide-soignante"
      case .rncp: "Diplôme d'Etat d'aide-soignant (DEAS)"
      }
    return TrainingOffers(
      subject: subject, subjectTitle: title, originName: nil,
      imported: .init(fileName: "offres-savoie.xml", day: "2026-11-30", sessionCount: 2),
      sessions: [
        TrainingSession(
          formationTitle: "Diplôme d'État d'aide-soignant", organisation: "GRETA Savoie",
          siret: "19730000000011", placeName: "IFSI du Centre hospitalier", town: "Chambéry",
          postcode: "73000", inseeCode: "73065", startDay: 20_270_104, endDay: 20_271_217,
          permanentEntry: false, certifications: [certification], romeCodes: ["J1501"],
          publicCodes: ["83056"], fundingCodes: ["2"], uai: "0731302U",
          establishmentOutcomes: [
            EstablishmentOutcome(
              uai: "0731302U", name: "Greta Savoie", kind: .cfa, population: .all,
              millesime: "2022_2023", continuingStudies: .percent(41),
              employedAt6Months: .percent(42), otherSituations: .percent(17),
              employmentRate: .percent(72), expectedRate: .percent(72), valueAdded: 0)
          ],
          proximity: origin == .anywhere ? nil : .sameTerritory),
        TrainingSession(
          formationTitle: "Diplôme d'État d'aide-soignant",
          organisation: "Institut de formation du CHU", siret: "38000000000022",
          placeName: nil, town: "Grenoble", postcode: "38000", inseeCode: "38185",
          startDay: 20_270_301, endDay: 20_280_131, permanentEntry: false,
          certifications: [certification], romeCodes: ["J1501"], publicCodes: [],
          fundingCodes: ["2", "10"], proximity: origin == .anywhere ? nil : .elsewhere),
      ])
  }
}
