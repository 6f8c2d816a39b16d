import Foundation
import GuichetCore

/// Small but realistic values the fake services answer with, and the key fuzzer opens its screens on: one
/// structure (id 5, territory 7), one advisor (id 3), one opening rule, one routing rule, visits of site 1
/// at desk 2.
public struct FakeData: Sendable {
  public var now: Date

  public init(now: Date) { self.now = now }

  public static let structure = OperatorStructure(
    id: 5, kind: .missionLocale, name: "Mission locale de Chambéry", address: "12 rue Sommeiller",
    postcode: "73000", city: "Chambéry", phone: "04 79 00 00 00", territoryIDs: [7])
  public static let advisor = Advisor(id: 3, structureID: 5, displayName: "Claire Martin")
  public static let rule = OpeningRule(
    id: 11, advisorID: 3, weekdays: [.monday, .tuesday], start: TimeOfDay(hour: 9)!,
    end: TimeOfDay(hour: 12)!, slotMinutes: 30, validFrom: LocalDate(year: 2026, month: 1, day: 1)!)
  public static let routingRule = RoutingRule(
    id: 21, position: 1, ageBand: .from16to25, operatorKind: .missionLocale, reason: "16-25 ans")
  static let commune = CommuneMatch(
    commune: Commune(inseeCode: "73065", name: "Chambéry", bassinCode: "8215"),
    territory: Territory(id: 7, name: "Chambéry"))
  static let contact = Contact(
    firstName: "Léa", lastName: "Durand", phone: try? PhoneNumber(parsing: "06 12 34 56 78"),
    email: nil)
  static let recommendation = Recommendation(operatorKind: .missionLocale, reason: "16-25 ans")

  /// The one person waiting in the fake queue, number 1 of the day.
  public var waiting: Visit {
    Visit(id: 900, siteID: 1, deskID: 2, arrivedAt: now, day: Day.number(of: now), ticket: 1)
  }

  /// A coded visit in service at desk 2.
  public func visit(id: Int64) -> Visit {
    Visit(
      id: id, siteID: 1, deskID: 2, arrivedAt: now.addingTimeInterval(-600),
      startedAt: now.addingTimeInterval(-300), publicCategory: .jobSeeker, ageBand: .from16to25,
      territoryID: 7, requestKinds: [.jobSearch], outcome: .information, day: Day.number(of: now))
  }

  /// Free slots of the advisor from tomorrow on, three hours apart.
  public func slots(_ count: Int) -> [AvailableSlot] {
    (0..<count).map { index in
      let start = now.addingTimeInterval(Double(26 + index * 3) * 3600)
      return AvailableSlot(
        slot: Slot(advisorID: 3, startsAt: start, endsAt: start.addingTimeInterval(1800)),
        advisorName: Self.advisor.displayName, structureID: 5, structureName: Self.structure.name,
        operatorKind: .missionLocale, delayDays: 1 + index / 8)
    }
  }

  /// The Monday a window asks for (today's week for the first free one).
  public func monday(_ window: SlotWindow) -> LocalDate {
    if case .week(let day) = window { return day.startOfWeek }
    return LocalDate(now).startOfWeek
  }

  /// A week answer that varies with the call number: 0, 3, 6 or 9 slots; an empty one says either the
  /// first free day (the next week) or, one time in two, that nothing is free (no opening hours).
  public func week(_ window: SlotWindow, call: Int64) -> SlotWeek {
    let count = Int(call % 4) * 3
    let monday = monday(window)
    guard count == 0 else { return SlotWeek(monday: monday, slots: slots(count)) }
    return call % 8 == 0
      ? SlotWeek(monday: monday, slots: [], noSlotReason: .noOpeningHours)
      : SlotWeek(monday: monday, slots: [], firstFreeDay: monday.adding(days: 7))
  }

  func appointment(_ reference: BookingReference, id: Int64, status: AppointmentStatus = .booked)
    -> Appointment
  {
    let start = now.addingTimeInterval(status == .booked ? 26 * 3600 : -3600)
    return Appointment(
      id: id, reference: reference, advisorID: 3, structureID: 5, startsAt: start,
      endsAt: start.addingTimeInterval(1800), place: .onSite, visitID: 42, consentID: 9,
      deskID: 2, delayDays: 1, status: status, createdAt: now)
  }

  func consent(id: Int64, visitID: Int64 = 42, version: Int = 1, structureID: Int64 = 5) -> Consent
  {
    Consent(
      id: id, visitID: visitID, textVersion: version, recipientStructureID: structureID,
      givenAt: now, deskID: 2)
  }

  func detail(_ reference: BookingReference, id: Int64) -> AppointmentDetail {
    AppointmentDetail(
      appointment: appointment(reference, id: id), structure: Self.structure,
      advisorName: Self.advisor.displayName, visit: visit(id: 42), consent: consent(id: 9),
      contact: Self.contact)
  }

  func account(_ login: String, role: Role, id: Int64 = 1) -> Account {
    Account(
      id: id, login: login, role: role, structureID: role == .advisor ? Self.structure.id : nil,
      isDisabled: false, lockedUntil: nil, createdAt: now)
  }

  func references(_ query: String) -> ReferenceResults {
    ReferenceResults(
      query: query,
      hits: [
        ReferenceHit(kind: .occupation, code: "K1207", title: "Éducateur spécialisé"),
        ReferenceHit(kind: .certification, code: "RNCP34826", title: "DE éducateur spécialisé"),
        ReferenceHit(kind: .structure, code: "cio-chambery", title: "CIO de Chambéry"),
      ])
  }

  func occupation(_ code: String) -> OccupationFiche {
    OccupationFiche(
      code: code, title: "Éducateur spécialisé", definition: ["Accompagne des personnes."],
      certifications: [
        CertificationSummary(code: "RNCP34826", title: "DEES", level: 6, isActive: true)
      ],
      neighbours: [CodeLabel(code: "K1201", label: "Action sociale")])
  }

  func certification(_ code: String) -> CertificationFiche {
    CertificationFiche(
      code: code, title: "DE éducateur spécialisé", level: 6, isActive: true,
      occupations: [CodeLabel(code: "K1207", label: "Éducateur spécialisé")])
  }

  func labourNeeds(_ territoryID: Int64) -> LabourNeeds {
    LabourNeeds(
      territory: Territory(id: territoryID, name: "Chambéry"), bassins: [], year: 2024,
      needs: [
        LabourNeed(
          fapCode: "S2X40", label: "Aides-soignants", familyLabel: "Santé",
          recruitments: BMOFigure(known: 540), difficult: BMOFigure(known: 400),
          seasonal: BMOFigure(hasSecret: true))
      ], total: BMOFigure(known: 540), source: nil)
  }

  func directory(_ territoryID: Int64?) -> StructureDirectory {
    StructureDirectory(
      territory: territoryID.map { Territory(id: $0, name: "Chambéry") },
      structures: [
        OrientationStructure(
          id: "cio-chambery", name: "CIO de Chambéry", typeTag: "cio", typeLabel: "CIO",
          city: "Chambéry", phone: "04 79 00 00 01")
      ], source: nil)
  }

  /// Dashboard figures with a small cell; `synthetic` marks them as counted on demonstration visits.
  func figures(_ period: SupervisionPeriod, _ filter: SupervisionFilter, synthetic: Bool)
    -> SupervisionFigures
  {
    var figures = SupervisionFigures(period: period, filter: filter, names: SupervisionNames())
    figures.visits = 12
    figures.syntheticVisits = synthetic ? 12 : 0
    figures.breakdowns = [
      .publicCategory: [
        CodeCount(code: "job_seeker", count: 9), CodeCount(code: "senior", count: 3),
      ],
      .site: [CodeCount(code: "1", count: 12)],
    ]
    figures.daily = period.days.prefix(400).map {
      CodeCount(code: $0.description, count: $0.day % 4)
    }
    figures.funnel.visits = 12
    figures.funnel.booked = 2
    figures.wait.minutes = Histogram([3: 7, 20: 2])
    return figures
  }
}
