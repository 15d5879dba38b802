import { type ConsentPurpose, type DataCategory, type TrajectoryType } from '@werkpad/shared';

/**
 * Rule data of the processing register (AVG art. 30) that the other rule files do not hold yet:
 * the purposes of each trajectory type, the categories only its own processing adds, and the consents
 * its own work asks for. Everything else in the register comes from the rules the code enforces
 * (TRAJECTORY_TYPE_RULES, SHARING_RULES, CONSENT_PURPOSE_RULES, the client-file field categories).
 * A change here is reviewed by the FG like any rule change.
 */
export interface ProcessingActivityRule {
  readonly purposes: readonly string[];
  /** Categories held only for clients in this kind of trajectory. */
  readonly ownCategories: readonly DataCategory[];
  /** Consents this trajectory's own work asks for (consents for a recipient come from the sharing rules). */
  readonly consentPurposes: readonly ConsentPurpose[];
}

/** The controller (verwerkingsverantwoordelijke) as the register names it; to be confirmed by the FG. */
export const PROCESSING_CONTROLLER = 'Werkpad, re-integratiebedrijf in opdracht van de gemeente Ede';

export const PROCESSING_ACTIVITY_RULES: Readonly<Record<TrajectoryType, ProcessingActivityRule>> = {
  intake: {
    purposes: [
      'De situatie van de cliënt in kaart brengen en de route naar werk of participatie bepalen',
      'De inkomensconsulent de gegevens geven die nodig zijn om het recht op uitkering vast te stellen',
    ],
    ownCategories: [],
    consentPurposes: [],
  },
  inburgering: {
    purposes: [
      'De Werk- en Participatiemodule van de Wet inburgering uitvoeren',
      'De cliënt begeleiden naar taal, werk en participatie',
    ],
    ownCategories: [],
    consentPurposes: [],
  },
  beschut_werk: {
    purposes: [
      'Het dienstverband beschut werk of WSW uitvoeren als werkgever: salaris, uren, verzuim en loonaangifte',
      'De werknemer op de werkplek begeleiden',
    ],
    ownCategories: ['payroll'],
    consentPurposes: [],
  },
  loonkostensubsidie: {
    purposes: [
      'De loonwaarde vaststellen en loonkostensubsidie aanvragen en verantwoorden',
      'De cliënt begeleiden naar en in betaald werk',
    ],
    ownCategories: ['payroll'],
    consentPurposes: [],
  },
  jobcoaching: {
    purposes: [
      'De cliënt op de werkplek begeleiden (jobcoaching), steeds afwegend welke informatie de werkgever nodig heeft',
    ],
    ownCategories: [],
    consentPurposes: [],
  },
  bemiddeling: {
    purposes: [
      'De cliënt bemiddelen naar betaald werk: matchen met vacatures en werkgevers',
      'De inkomensconsulent informeren over de voortgang en de gevolgen voor de uitkering',
    ],
    ownCategories: [],
    consentPurposes: [],
  },
  arbeidsdiagnose: {
    purposes: [
      'De arbeidsmogelijkheden van de cliënt onderzoeken (arbeidsdiagnose, arbeidsdeskundig onderzoek) in opdracht van de gemeente of een andere instelling',
      'De uitkomst en het advies aan de opdrachtgever en de cliënt geven; het onderzoek zelf blijft binnen het Expertisecentrum',
    ],
    ownCategories: ['medical', 'diagnosis_outcome'],
    consentPurposes: ['expertise_research', 'gp_data_request'],
  },
};

/** Consents that can be recorded in any client file, whatever the trajectory. */
export const CLIENT_FILE_CONSENT_PURPOSES: readonly ConsentPurpose[] = ['whatsapp', 'religious_function'];

/**
 * The technical and organisational measures (AVG art. 30 lid 1 sub g, art. 32) that this system
 * itself takes. Each names something the code does; nothing here is a promise about elsewhere.
 */
export const SECURITY_MEASURES: readonly string[] = [
  'Toegang per rol en per gegevenscategorie (need-to-know); wat niet uitdrukkelijk is toegestaan, is geweigerd, en dezelfde regels beperken ook de databasevragen.',
  'BSN en IBAN worden versleuteld opgeslagen (AES-256-GCM); zoeken op BSN gaat via een blinde index (HMAC-SHA-256), nooit op het BSN zelf.',
  'Medische gegevens staan in een apart databaseschema met een eigen databaserol, row-level security en eigen versleuteling (AES-256-GCM, met sleutelrotatie); de rest van de applicatie kan er niet bij.',
  'De applicatie werkt met een databaserol met minimale rechten; het toegangslog kan zij alleen aanvullen en lezen, en een trigger weigert wijzigen en verwijderen.',
  'Elke inzage, wijziging en geweigerde poging wordt vastgelegd (NEN 7513) in een hashketen (SHA-256); ondertekende controlepunten (Ed25519) buiten de database maken ook het herschrijven van de hele keten zichtbaar.',
  'Wie het toegangslog leest (de FG), meldt zich aan met een tweede factor (TOTP).',
  'Wachtwoorden worden gehasht met Argon2; na herhaald mislukte aanmeldingen volgt een tijdelijke blokkade; toegangstokens zijn kort geldig.',
  'Verstrekkingen gaan alleen volgens de deelregels, per gegevenscategorie, en worden vastgelegd in het verstrekkingenregister; nooit naar ontvangers buiten de EU/EER.',
  'Noodtoegang is tijdelijk, vraagt een reden en toelichting, geeft nooit toegang tot medische gegevens en komt altijd ter beoordeling bij de FG.',
];
