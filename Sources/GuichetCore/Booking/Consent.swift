import Foundation

/// What a consent is given for. One purpose today; the code is stored so later purposes stay distinct.
public enum ConsentPurpose: String, CodedValue {
  case appointment

  public var label: String { label(for: nil) }

  /// The purpose as read to the person, naming the kind of structure the appointment is with.
  public func label(for kind: OperatorKind?) -> String {
    switch self {
    case .appointment: "Prise de rendez-vous avec " + Self.adviser(kind)
    }
  }

  private static func adviser(_ kind: OperatorKind?) -> String {
    switch kind {
    case .franceTravail: "un conseiller France Travail"
    case .missionLocale: "un conseiller de la Mission locale"
    case .capEmploi: "un conseiller Cap emploi"
    case .apec: "un conseiller en évolution professionnelle de l'APEC"
    case .transitionsPro: "un conseiller Transitions Pro"
    case .cio: "un psychologue de l'Éducation nationale du CIO"
    case .regionAccredited: "un conseiller en évolution professionnelle"
    case .other, nil: "un conseiller de la structure choisie"
    }
  }

  /// The personal data this purpose may collect, as the consent text announces it.
  public var scope: String {
    switch self {
    case .appointment: "nom, prénom, téléphone et/ou adresse électronique"
    }
  }
}

/// A person's explicit « Oui » to one versioned consent text, for one recipient structure. It is evidence:
/// never deleted, only withdrawn, and withdrawing erases the contact and revokes the appointments.
public struct Consent: Equatable, Hashable, Sendable {
  public typealias ID = Int64

  public var id: ID?
  public var visitID: Visit.ID
  public var textVersion: Int
  public var purpose: ConsentPurpose
  public var recipientStructureID: OperatorStructure.ID
  public var givenAt: Date
  public var deskID: Int64
  /// The account that took it at the desk (the proof's « who »), nil for the command line.
  public var accountID: Int64?
  public var withdrawnAt: Date?

  public init(
    id: ID? = nil, visitID: Visit.ID, textVersion: Int, purpose: ConsentPurpose = .appointment,
    recipientStructureID: OperatorStructure.ID, givenAt: Date, deskID: Int64,
    accountID: Int64? = nil,
    withdrawnAt: Date? = nil
  ) {
    self.id = id
    self.visitID = visitID
    self.textVersion = textVersion
    self.purpose = purpose
    self.recipientStructureID = recipientStructureID
    self.givenAt = givenAt
    self.deskID = deskID
    self.accountID = accountID
    self.withdrawnAt = withdrawnAt
  }

  public var isWithdrawn: Bool { withdrawnAt != nil }
}
