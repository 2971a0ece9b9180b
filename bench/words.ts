/**
 * Vocabulary for the generated data set: a help desk of Italian municipalities, with some English.
 * Words are letters only (no apostrophes), so they can go into SQL and tsqueries as they are.
 * Common words are drawn often (a skewed draw: the first ones most); rare terms (towns, surnames,
 * products) appear in about one sentence in ten, so each of them is in a small share of articles:
 * those are the words the full-text search looks for.
 */

export const ITALIAN_WORDS = `
il la di che e per non un una con del della al alla sono gli le da in si come anche ma
ufficio richiesta pratica documento certificato modulo sportello cittadino utente servizio
pagamento bollettino scadenza termine giorni settimana mese anno oggi domani ieri mattina
pomeriggio orario appuntamento telefono email posta indirizzo residenza anagrafe tributi
tassa imposta rimborso verifica controllo errore problema soluzione risposta domanda
informazioni chiarimento conferma ricevuta protocollo numero codice fiscale identita carta
elettronica firma digitale accesso password credenziali portale sito pagina collegamento
stampante computer rete connessione programma aggiornamento installazione configurazione
scuola mensa iscrizione graduatoria contributo bonus famiglia figli anziani assistenza
casa affitto contratto permesso autorizzazione licenza edilizia cantiere lavori strada
parcheggio multa verbale ricorso udienza sanzione rifiuti raccolta differenziata ambiente
verde parco biblioteca prestito libro evento mostra teatro museo cultura sport palestra
piscina gentile buongiorno buonasera saluti cordiali grazie prego attesa riscontro urgente
sollecito segnalazione guasto illuminazione acqua fognatura allagamento buca marciapiede
richiedo chiedo vorrei potete possibile necessario allegato allego invio inviato ricevuto
letto visto controllato risolto chiuso aperto sospeso attesa inoltrato assegnato collega
responsabile dirigente funzionario operatore tecnico amministrativo comunale sindaco
giunta consiglio delibera determina bando avviso graduatoria concorso candidatura
`;

export const ENGLISH_WORDS = `
the of and to a in is it you that he was for on are with as they be at one have this from
request ticket issue problem error message account login password reset access user customer
service support team office help please thanks regards hello dear kind update status pending
closed open resolved waiting reply answer question information details attached attachment
file document form invoice payment refund receipt order delivery address phone email call
printer network server connection laptop screen browser website page link download upload
install configure upgrade version release backup restore database report weekly monthly
today tomorrow yesterday morning afternoon deadline urgent priority issue escalate manager
colleague department meeting schedule appointment calendar license contract renewal
certificate registration permit application approval review check verify confirm cancel
`;

/** Towns, surnames and product names: rare on purpose (see above). */
export const RARE_TERMS = `
abbiategrasso acquapendente agropoli alghero altamura amalfi ancona aosta arezzo ascoli
assisi asti avellino bardonecchia barletta bassano belluno benevento bergamo biella
bracciano brindisi busto caltanissetta camogli campobasso canicatti capua carbonia
carpi caserta castelfranco catanzaro cefalu cerveteri chiavari chieti chioggia cividale
civitavecchia comacchio conegliano cortona cosenza crema cremona crotone cuneo
domodossola empoli enna fabriano faenza fano fermo foggia foligno frosinone gaeta gallipoli
gorizia grosseto gubbio imola imperia isernia ivrea lanciano latina lecco legnano livorno
lodi lucca macerata manfredonia mantova marsala massa matera merano messina modica
molfetta moncalieri monopoli montalcino monza nardo novara nuoro olbia oristano ortona
ostuni otranto padova palmanova pavia perugia pesaro pescara piacenza pinerolo piombino
pistoia pordenone potenza prato ragusa ravenna recanati rieti rimini rovereto rovigo
sabaudia salerno saluzzo sansepolcro sassari savona schio siena siracusa sondrio spoleto
sulmona taranto teramo termoli terni tivoli todi trapani treviso trieste udine urbino
varese vasto velletri vercelli verbania vicenza vigevano viterbo voghera
esposito bianchi romano colombo ricci marino greco bruno gallo conti deluca mancini costa
giordano rizzo lombardi moretti barbieri fontana santoro mariani rinaldi caruso ferrara
galli martini leone longo gentile martinelli vitale lombardo serra coppola desantis
zucchelli pellegrino palumbo sanna fabbri valentini monti farina rossetti benedetti
gsuite sharepoint outlook thunderbird libreoffice sapweb halley maggioli siscom
pagopa spid cie anpr inps equitalia agenzia catasto suap sue pec firmaremota
`;

export const FIRST_NAMES = `
Marco Giulia Luca Francesca Alessandro Chiara Andrea Sara Matteo Valentina Lorenzo Elena
Davide Martina Simone Federica Stefano Silvia Paolo Laura Giovanni Anna Roberto Paola
Francesco Maria Antonio Roberta Giuseppe Alessia Riccardo Elisa Daniele Monica Fabio
Claudia Michele Serena Emanuele Barbara
`;

export const LAST_NAMES = `
Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti
DeLuca Mancini Costa Giordano Rizzo Lombardi Moretti Barbieri Fontana Santoro Mariani
Rinaldi Caruso Ferrara Galli Martini Leone Longo Gentile Martinelli Vitale Lombardo Serra
Coppola DeSantis Pellegrino Palumbo Sanna Fabbri Valentini Monti Farina Rossetti Benedetti
`;

export const GROUP_NAMES = [
  'Anagrafe',
  'Tributi',
  'Servizi Sociali',
  'Urbanistica',
  'Polizia Locale',
  'Scuola',
  'Ambiente',
  'Cultura',
  'Protocollo',
  'Sistemi Informativi',
];

export const QUEUE_SUFFIXES = ['Sportello', 'Back Office', 'Richieste Web', 'Reclami', 'Secondo Livello'];

export const TITLES = [
  'Richiesta certificato di residenza',
  'Certificato anagrafico non ricevuto',
  'Cambio di indirizzo',
  'Carta di identita elettronica: appuntamento',
  'Rimborso TARI pagata due volte',
  'Avviso di accertamento IMU',
  'Bollettino pagoPA non funziona',
  'Contributo affitto: stato della domanda',
  'Iscrizione mensa scolastica',
  'Graduatoria asilo nido',
  'Segnalazione buca in strada',
  'Lampione spento',
  'Raccolta rifiuti non effettuata',
  'Verbale di contravvenzione: ricorso',
  'Permesso di parcheggio residenti',
  'Pratica edilizia SUE: integrazione',
  'Accesso agli atti',
  'PEC non consegnata',
  'Password SPID non accettata dal portale',
  'Stampante del secondo piano non stampa',
  'Posta elettronica piena',
  'Rete lenta in biblioteca',
  'Aggiornamento programma protocollo',
  'Prestito interbibliotecario',
  'Prenotazione sala consiliare',
  'Iscrizione corsi di nuoto',
  'Richiesta patrocinio evento',
  'Allagamento sottopasso',
  'Albero pericolante nel parco',
  'Informazioni bando di concorso',
  'Cannot log in to the portal',
  'Invoice not received',
  'Request for a copy of the contract',
  'Website page not found',
  'Printer offline again',
  'VPN access for a new colleague',
  'Refund request',
  'Password reset does not work',
  'Meeting room booking',
  'Question about the new permit form',
];

const list = (text: string) => text.split(/\s+/).filter((word) => word.length > 0);

export const vocabulary = {
  italian: list(ITALIAN_WORDS),
  english: list(ENGLISH_WORDS),
  rare: list(RARE_TERMS),
  firstNames: list(FIRST_NAMES),
  lastNames: list(LAST_NAMES),
};
