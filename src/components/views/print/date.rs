//! The date a report is printed on, in the page's language.

use crate::i18n::Lang;

/// A calendar date as a reader writes it: 2026年11月27日 / 27 November 2026.
pub fn written(lang: Lang, year: u32, month: u32, day: u32) -> String {
    match lang {
        Lang::Zh => format!("{year}年{month}月{day}日"),
        Lang::En => {
            format!("{day} {} {year}", crate::i18n::month_en(month))
        }
    }
}

/// Today in the browser's time zone.
pub fn today(lang: Lang) -> String {
    let now = js_sys::Date::new_0();
    written(
        lang,
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_writes_the_date_its_own_way() {
        assert_eq!(written(Lang::Zh, 2026, 3, 8), "2026年3月8日");
        assert_eq!(written(Lang::En, 2026, 3, 8), "8 March 2026");
        assert_eq!(written(Lang::En, 2026, 12, 31), "31 December 2026");
    }
}
