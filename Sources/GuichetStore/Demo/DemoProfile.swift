import GuichetCore

/// How a year of reception looks, for demonstration data: weekday and season shapes, morning and afternoon
/// peaks, the publics and what they ask, what the desk answers. Plausible orders of magnitude, not statistics.
enum DemoProfile {
  static let weekdayWeights: [Weekday: Double] = [
    .monday: 1.2, .tuesday: 1.1, .wednesday: 1.0, .thursday: 1.0, .friday: 0.8, .saturday: 0.3,
  ]
  /// January … December: September (school year) and January (resolutions) high, August low.
  static let monthWeights: [Double] = [
    1.1, 1.0, 1.0, 0.95, 0.9, 1.0, 0.7, 0.4, 1.3, 1.15, 1.05, 0.8,
  ]

  /// Arrival minute of the day: peaks at 10:00 and 14:30; Saturday mornings only.
  static func arrivalMinute(_ random: inout DemoRandom, saturday: Bool) -> Int {
    if saturday || random.chance(0.55) {
      let minute = 600 + Int(random.exponential(mean: 40) * (random.chance(0.5) ? 1 : -1))
      return min(max(minute, 540), 715)
    }
    let minute = 870 + Int(random.exponential(mean: 50) * (random.chance(0.5) ? 1 : -1))
    return min(max(minute, 810), 1_010)
  }

  static let channels: [(Channel, Double)] = [(.walkIn, 0.7), (.phone, 0.25), (.email, 0.05)]

  static let publics: [(PublicCategory, Double)] = [
    (.jobSeeker, 0.32), (.employee, 0.22), (.initialEducation, 0.14), (.earlySchoolLeaver, 0.07),
    (.senior, 0.06), (.disability, 0.04), (.cadre, 0.05), (.selfEmployed, 0.03), (.other, 0.03),
    (.notSaid, 0.04),
  ]

  static func ageBand(for category: PublicCategory, _ random: inout DemoRandom) -> AgeBand {
    switch category {
    case .initialEducation: random.pick([(.under16, 0.3), (.from16to25, 0.7)])
    case .earlySchoolLeaver: .from16to25
    case .senior: .from55
    case .notSaid: random.pick([(.notSaid, 0.6), (.from26to44, 0.4)])
    default:
      random.pick([
        (.from16to25, 0.2), (.from26to44, 0.5), (.from45to54, 0.22), (.from55, 0.05),
        (.notSaid, 0.03),
      ])
    }
  }

  static func requests(for category: PublicCategory, _ random: inout DemoRandom) -> [RequestKind] {
    let main: RequestKind =
      switch category {
      case .initialEducation:
        random.pick([(.schoolOrientation, 0.5), (.apprenticeship, 0.3), (.jobInformation, 0.2)])
      case .earlySchoolLeaver:
        random.pick([(.apprenticeship, 0.4), (.training, 0.3), (.jobSearch, 0.3)])
      case .employee:
        random.pick([(.careerChange, 0.35), (.cpf, 0.25), (.vae, 0.2), (.training, 0.2)])
      case .jobSeeker:
        random.pick([(.training, 0.35), (.jobSearch, 0.3), (.careerChange, 0.2), (.cpf, 0.15)])
      case .selfEmployed: random.pick([(.businessCreation, 0.6), (.training, 0.4)])
      default: random.pick(RequestKind.allCases.map { ($0, 1.0) })
      }
    guard random.chance(0.3) else { return [main] }
    let second = random.pick([(RequestKind.jobInformation, 0.5), (.training, 0.3), (.cpf, 0.2)])
    return second == main ? [main] : [main, second]
  }

  static let outcomes: [(Outcome, Double)] = [
    (.information, 0.45), (.documentation, 0.13), (.referral, 0.15), (.appointmentBooked, 0.14),
    (.noBooking, 0.08), (.noAnswer, 0.05),
  ]

  static func reason(for outcome: Outcome, _ random: inout DemoRandom) -> NoAnswerReason? {
    switch outcome {
    case .noBooking:
      random.pick([(.consentDeclined, 0.45), (.noSlot, 0.35), (.personLeft, 0.2)])
    case .noAnswer:
      random.pick([(.outOfScope, 0.5), (.infoUnavailable, 0.3), (.other, 0.2)])
    default: nil
    }
  }

  static let scores: [(Int, Double)] = [(5, 0.45), (4, 0.35), (3, 0.12), (2, 0.05), (1, 0.03)]

  /// What an appointment became once its day has passed.
  static let attendance: [(AppointmentStatus, Double)] = [
    (.seen, 0.75), (.noShow, 0.15), (.excused, 0.07), (.revoked, 0.03),
  ]

  static let operatorKinds: [OperatorKind] = [
    .franceTravail, .missionLocale, .capEmploi, .apec, .transitionsPro,
  ]

  static let siteNames = [
    "Lyon Part-Dieu", "Grenoble Europole", "Saint-Étienne Centre", "Annecy", "Chambéry",
    "Valence", "Villeurbanne", "Vienne", "Bourg-en-Bresse", "Roanne", "Clermont Jaude", "Aurillac",
    "Le Puy", "Moulins", "Vichy", "Montélimar", "Annemasse", "Oyonnax", "Givors", "Vénissieux",
  ]
}
