/**
 * Month and weekday names of the five languages the due-text parser reads, as date-fns 4 spells them
 * (its locale data, copied so the content script does not carry whole locales: their parsing patterns,
 * long formats and relative phrases are 30 KB it never uses). test/sites/dates/locale-names.test.ts
 * checks these tables still equal date-fns' own.
 */
export interface LocaleNames {
  months: { wide: readonly string[]; abbreviated: readonly string[] };
  days: { wide: readonly string[]; abbreviated: readonly string[]; short: readonly string[] };
}

export const LOCALE_NAMES: Record<'enUS' | 'es' | 'fr' | 'de' | 'pt', LocaleNames> = {
  enUS: {
    months: { wide: ['January','February','March','April','May','June','July','August','September','October','November','December'], abbreviated: ['Jan','Feb','Mar','Apr','May','Jun','Jul','Aug','Sep','Oct','Nov','Dec'] },
    days: { wide: ['Sunday','Monday','Tuesday','Wednesday','Thursday','Friday','Saturday'], abbreviated: ['Sun','Mon','Tue','Wed','Thu','Fri','Sat'], short: ['Su','Mo','Tu','We','Th','Fr','Sa'] },
  },
  es: {
    months: { wide: ['enero','febrero','marzo','abril','mayo','junio','julio','agosto','septiembre','octubre','noviembre','diciembre'], abbreviated: ['ene','feb','mar','abr','may','jun','jul','ago','sep','oct','nov','dic'] },
    days: { wide: ['domingo','lunes','martes','miércoles','jueves','viernes','sábado'], abbreviated: ['dom','lun','mar','mié','jue','vie','sáb'], short: ['do','lu','ma','mi','ju','vi','sá'] },
  },
  fr: {
    months: { wide: ['janvier','février','mars','avril','mai','juin','juillet','août','septembre','octobre','novembre','décembre'], abbreviated: ['janv.','févr.','mars','avr.','mai','juin','juil.','août','sept.','oct.','nov.','déc.'] },
    days: { wide: ['dimanche','lundi','mardi','mercredi','jeudi','vendredi','samedi'], abbreviated: ['dim.','lun.','mar.','mer.','jeu.','ven.','sam.'], short: ['di','lu','ma','me','je','ve','sa'] },
  },
  de: {
    months: { wide: ['Januar','Februar','März','April','Mai','Juni','Juli','August','September','Oktober','November','Dezember'], abbreviated: ['Jan','Feb','Mär','Apr','Mai','Jun','Jul','Aug','Sep','Okt','Nov','Dez'] },
    days: { wide: ['Sonntag','Montag','Dienstag','Mittwoch','Donnerstag','Freitag','Samstag'], abbreviated: ['So.','Mo.','Di.','Mi.','Do.','Fr.','Sa.'], short: ['So','Mo','Di','Mi','Do','Fr','Sa'] },
  },
  pt: {
    months: { wide: ['janeiro','fevereiro','março','abril','maio','junho','julho','agosto','setembro','outubro','novembro','dezembro'], abbreviated: ['jan','fev','mar','abr','mai','jun','jul','ago','set','out','nov','dez'] },
    days: { wide: ['domingo','segunda-feira','terça-feira','quarta-feira','quinta-feira','sexta-feira','sábado'], abbreviated: ['dom','seg','ter','qua','qui','sex','sáb'], short: ['dom','seg','ter','qua','qui','sex','sáb'] },
  },
};
