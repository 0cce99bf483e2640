"""Every interface text in English, Azerbaijani and Russian, keyed by a stable name.

Placeholders in braces are filled in by `blackjanuary.i18n.tr`. Markdown in
these texts is ours; text from the data is escaped before it is put in.
"""

# A text that depends on a count is a dict of plural forms: English "one" and
# "other"; Russian "one", "few" and "many"; Azerbaijani nouns after a number
# do not change, so one form serves.
MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {
    # --- dates and times ---------------------------------------------------
    "baku_time": {"en": "Baku time", "az": "Bakı vaxtı", "ru": "по бакинскому времени"},
    "about": {"en": "about", "az": "təxminən", "ru": "около"},
}

MESSAGES.update({
    # --- the frame ------------------------------------------------------------
    "page_explore": {"en": "Explore", "az": "Araşdır", "ru": "Обзор"},
    "page_present": {"en": "Present", "az": "Təqdimat", "ru": "Презентация"},
    "page_figures": {"en": "Figures", "az": "Rəqəmlər", "ru": "Цифры"},
    "page_chronology": {"en": "Chronology", "az": "Xronologiya", "ru": "Хронология"},
    "page_sources": {"en": "Sources", "az": "Mənbələr", "ru": "Источники"},
    "data_problems": {"en": "Data problems", "az": "Məlumat xətaları", "ru": "Ошибки в данных"},
    "data_problems_intro": {
        "en": {
            "one": "The data has {count} problem, so the explorer cannot open. Fix the line below in the file it names, then reload the page.",
            "other": "The data has {count} problems, so the explorer cannot open. Fix each line below in the file it names, then reload the page.",
        },
        "az": "Məlumatlarda {count} xəta var, ona görə tətbiq açıla bilmir. Aşağıdakı hər sətri göstərilən faylda düzəldin və səhifəni yeniləyin.",
        "ru": "В данных ошибок: {count}, поэтому приложение не может открыться. Исправьте каждую строку ниже в указанном файле и обновите страницу.",
    },
    "data_warnings": {"en": "Data warnings ({count})", "az": "Məlumat xəbərdarlıqları ({count})", "ru": "Предупреждения о данных ({count})"},
    "quoted_in": {"en": "quoted in {language}", "az": "sitat {language}", "ru": "цитата {language}"},
    "in_the_source": {"en": "In the source", "az": "Mənbədə", "ru": "В источнике"},
    "in_the_source_help": {
        "en": "Open the full text with this passage highlighted",
        "az": "Bu parçanın işarələndiyi tam mətni açın",
        "ru": "Открыть полный текст с выделенным фрагментом",
    },
    # --- Explore --------------------------------------------------------------
    "explore_title": {
        "en": "Black January: Baku, 19–20 January 1990",
        "az": "Qara Yanvar: Bakı, 19–20 yanvar 1990",
        "ru": "Чёрный январь: Баку, 19–20 января 1990 года",
    },
    "explore_intro": {
        "en": "Scrub through the night and read what five published texts say happened, and where. Figures and wording are each source's own; times are windows, as precise as the evidence allows.",
        "az": "Gecəni addım-addım izləyin və beş dərc olunmuş mətnin nə baş verdiyi və harada baş verdiyi barədə dediklərini oxuyun. Rəqəmlər və ifadələr hər mənbənin özününküdür; vaxtlar sübutların imkan verdiyi dəqiqlikdə aralıqlardır.",
        "ru": "Пройдите ночь по часам и прочитайте, что пять опубликованных текстов говорят о том, что и где произошло. Цифры и формулировки принадлежат каждому источнику; время указано интервалами, настолько точно, насколько позволяют свидетельства.",
    },
    "span": {"en": "Span", "az": "Dövr", "ru": "Период"},
    "span_help": {
        "en": "The night hour by hour, January in 6-hour steps, or 1987–1993 month by month",
        "az": "Gecə saat-saat, yanvar 6 saatlıq addımlarla, yaxud 1987–1993 ay-ay",
        "ru": "Ночь по часам, январь шагами по 6 часов или 1987–1993 по месяцам",
    },
    "range_night": {"en": "The night", "az": "Gecə", "ru": "Ночь"},
    "range_january": {"en": "January", "az": "Yanvar", "ru": "Январь"},
    "range_years": {"en": "Years", "az": "İllər", "ru": "Годы"},
    "play": {"en": "Play", "az": "Oynat", "ru": "Пуск"},
    "pause": {"en": "Pause", "az": "Dayandır", "ru": "Пауза"},
    "play_help": {
        "en": "Step through the span on its own, four steps a second; it stops at the end",
        "az": "Dövrü avtomatik keçin, saniyədə dörd addım; sonda dayanır",
        "ru": "Проходить период автоматически, четыре шага в секунду; в конце остановится",
    },
    "active_places": {"en": "Places with events at this step", "az": "Bu addımda hadisə olan yerlər", "ru": "Места событий этого шага"},
    "timeline_alt": {
        "en": "Timeline of the span: events as bars in lanes by category, the scrubbed step marked in red",
        "az": "Dövrün zaman xətti: hadisələr kateqoriyalar üzrə zolaqlarda, seçilmiş addım qırmızı ilə",
        "ru": "Шкала времени периода: события полосами по категориям, выбранный шаг отмечен красным",
    },
    "precision_hint": {
        "en": "Solid: known to the hour · hatched: approximate or date-only · fading: an edge the texts leave open or only bound",
        "az": "Bütöv: saat dəqiqliyi ilə · ştrixli: təxmini və ya yalnız tarix · solğun: mətnlərin açıq qoyduğu və ya yalnız hüdudunu verdiyi kənar",
        "ru": "Сплошные: известно до часа · штриховка: приблизительно или только дата · затухание: край, который тексты оставляют открытым или лишь ограничивают",
    },
    "time_in_baku": {"en": "Time in Baku (UTC+04:00)", "az": "Bakı vaxtı (UTC+04:00)", "ru": "Время в Баку (UTC+04:00)"},
    "events_in_step": {
        "en": {"one": "{count} event in this step", "other": "{count} events in this step"},
        "az": "bu addımda {count} hadisə",
        "ru": {"one": "{count} событие в этом шаге", "few": "{count} события в этом шаге", "many": "{count} событий в этом шаге"},
    },
    "map_alt": {
        "en": "Map of Baku: places with events at this step in red, earlier ones grey",
        "az": "Bakı xəritəsi: bu addımda hadisə olan yerlər qırmızı, əvvəlkilər boz",
        "ru": "Карта Баку: места событий этого шага красные, более ранние серые",
    },
    "map_key": {
        "en": ":red[●] events at this step · :orange[●] began earlier, no end given · :gray[●] earlier · :blue[○] later. Hover for a name, click for its passages.",
        "az": ":red[●] bu addımdakı hadisələr · :orange[●] əvvəl başlayıb, sonu göstərilmir · :gray[●] əvvəlki · :blue[○] sonrakı. Ad üçün üzərinə gəlin, parçalar üçün klikləyin.",
        "ru": ":red[●] события этого шага · :orange[●] начались раньше, конец не указан · :gray[●] раньше · :blue[○] позже. Наведите для названия, щёлкните для цитат.",
    },
    "basemap": {"en": "Basemap", "az": "Əsas xəritə", "ru": "Подложка"},
    "street_tiles": {"en": "Street tiles", "az": "Küçə xəritəsi", "ru": "Улицы"},
    "street_tiles_help": {
        "en": "Load street tiles from the internet. Off, the map uses only its bundled coastline and makes no request.",
        "az": "Küçə xəritəsini internetdən yükləyin. Söndürüldükdə xəritə yalnız daxili sahil xəttindən istifadə edir və sorğu göndərmir.",
        "ru": "Загружать уличную карту из интернета. Если выключено, карта использует только встроенную береговую линию и ничего не запрашивает.",
    },
    "beyond_baku": {"en": "Beyond Baku", "az": "Bakıdan kənarda", "ru": "За пределами Баку"},
    "at_this_step": {"en": "At this step", "az": "Bu addımda", "ru": "В этом шаге"},
    "at_this_step_badge": {"en": "at this step", "az": "bu addımda", "ru": "в этом шаге"},
    "precision": {"en": "precision", "az": "dəqiqlik", "ru": "точность"},
    "precision_minute": {"en": "minute", "az": "dəqiqə", "ru": "минута"},
    "precision_hour": {"en": "hour", "az": "saat", "ru": "час"},
    "precision_approximate": {"en": "approximate", "az": "təxmini", "ru": "приблизительно"},
    "precision_day": {"en": "day", "az": "gün", "ru": "день"},
    "precision_month": {"en": "month", "az": "ay", "ru": "месяц"},
    "precision_year": {"en": "year", "az": "il", "ru": "год"},
    "single_source_badge": {"en": "single source", "az": "tək mənbə", "ru": "один источник"},
    "support_single": {"en": "Rests on a single source: {names}", "az": "Tək mənbəyə əsaslanır: {names}", "ru": "Опирается на один источник: {names}"},
    "support_many": {
        "en": "Backed by {count} of {total} sources: {names}",
        "az": "{total} mənbədən {count}-i təsdiqləyir: {names}",
        "ru": "Подтверждают {count} из {total} источников: {names}",
    },
    "outside_texts": {
        "en": "Date or time from outside the texts: {ref}",
        "az": "Mətnlərdən kənar tarix və ya vaxt: {ref}",
        "ru": "Дата или время не из текстов: {ref}",
    },
    "what_sources_say": {
        "en": {"one": "What the sources say ({count} passage)", "other": "What the sources say ({count} passages)"},
        "az": "Mənbələr nə deyir ({count} parça)",
        "ru": {"one": "Что говорят источники ({count} цитата)", "few": "Что говорят источники ({count} цитаты)", "many": "Что говорят источники ({count} цитат)"},
    },
    "clear_selection": {"en": "Clear selection", "az": "Seçimi sil", "ru": "Снять выбор"},
    "distances": {"en": "Distances", "az": "Məsafələr", "ru": "Расстояния"},
    "coordinates": {"en": "Coordinates", "az": "Koordinatlar", "ru": "Координаты"},
    "events_here": {
        "en": {"one": "{count} event here", "other": "{count} events here, in time order"},
        "az": "burada {count} hadisə, zaman sırası ilə",
        "ru": {"one": "{count} событие здесь", "few": "{count} события здесь, по времени", "many": "{count} событий здесь, по времени"},
    },
    "no_event_in_step": {
        "en": "No event in the catalogue falls in this step. Move the scrubber, or widen the span.",
        "az": "Kataloqda bu addıma düşən hadisə yoxdur. Sürüşdürücünü hərəkət etdirin və ya dövrü genişləndirin.",
        "ru": "В этом шаге нет событий каталога. Передвиньте ползунок или расширьте период.",
    },
    "longer_periods": {"en": "Longer periods this step falls in", "az": "Bu addımın daxil olduğu uzun dövrlər", "ru": "Более длинные периоды, в которые входит этот шаг"},
    "begun_no_end": {
        "en": "Begun at an earlier step; the texts give no end",
        "az": "Əvvəlki addımda başlayıb; mətnlər sonunu göstərmir",
        "ru": "Начались на одном из прежних шагов; конец в текстах не указан",
    },
    "click_hint": {
        "en": "Click a place on the map or a span on the timeline to read the source passages behind it.",
        "az": "Mənbə parçalarını oxumaq üçün xəritədə yerə və ya zaman xəttində aralığa klikləyin.",
        "ru": "Щёлкните место на карте или отрезок на шкале времени, чтобы прочитать цитаты из источников.",
    },
    "first_of": {
        "en": "The first {shown} of {count}, in time order; the timeline shows them all.",
        "az": "{count} hadisədən ilk {shown}-i, zaman sırası ilə; zaman xətti hamısını göstərir.",
        "ru": "Первые {shown} из {count}, по времени; шкала времени показывает все.",
    },
    "timeline_key": {
        "en": "{mark} rests on a single source · hatched: a window known only approximately or to the day · click a span for its passages",
        "az": "{mark} tək mənbəyə əsaslanır · ştrixli: yalnız təxmini və ya gün dəqiqliyi ilə bilinən aralıq · parçalar üçün aralığa klikləyin",
        "ru": "{mark} опирается на один источник · штриховка: интервал известен лишь приблизительно или до дня · щёлкните отрезок для цитат",
    },
    "status_active": {"en": "events at this hour", "az": "bu saatda hadisələr", "ru": "события в этот час"},
    "status_past": {"en": "events earlier", "az": "əvvəlki hadisələr", "ru": "более ранние события"},
    "status_future": {"en": "events later", "az": "sonrakı hadisələr", "ru": "более поздние события"},
    "status_open": {
        "en": "began earlier; the texts give no end",
        "az": "əvvəl başlayıb; mətnlər sonunu göstərmir",
        "ru": "началось раньше; конец в текстах не указан",
    },
    # --- windows with open or uncertain edges ---------------------------------
    "window_open_end": {
        "en": "from {start}; the texts give no end",
        "az": "başlanğıc: {start}; mətnlər sonunu göstərmir",
        "ru": "с {start}; конец в текстах не указан",
    },
    "window_open_start": {
        "en": "until {end}; the texts give no start",
        "az": "son: {end}; mətnlər başlanğıcını göstərmir",
        "ru": "до {end}; начало в текстах не указано",
    },
    "window_uncertain_end": {
        "en": "from {start}, over by {end} at the latest; the texts give no exact end",
        "az": "başlanğıc: {start}; ən gec son: {end}; mətnlər dəqiq sonunu göstərmir",
        "ru": "с {start}, закончилось не позднее {end}; точный конец в текстах не указан",
    },
    "window_uncertain_start": {
        "en": "not before {start}, until {end}; the texts give no exact start",
        "az": "ən tez başlanğıc: {start}; son: {end}; mətnlər dəqiq başlanğıcını göstərmir",
        "ru": "не ранее {start}, до {end}; точное начало в текстах не указано",
    },
    "window_uncertain_both": {
        "en": "between {start} and {end}; the texts give neither edge exactly",
        "az": "{start} – {end} arasında; mətnlər nə başlanğıcı, nə də sonu dəqiq göstərmir",
        "ru": "между {start} и {end}; ни начало, ни конец в текстах точно не указаны",
    },
    # --- what changed since the step before -----------------------------------
    "changed_heading": {"en": "What changed since {previous}", "az": "{previous} ilə müqayisədə nə dəyişdi", "ru": "Что изменилось с {previous}"},
    "changed_first": {"en": "At the start of this range", "az": "Bu aralığın əvvəlində", "ru": "В начале этого отрезка"},
    "changed_begun": {"en": "Begins: {titles}", "az": "Başlayır: {titles}", "ru": "Начинается: {titles}"},
    "changed_over": {"en": "Over: {titles}", "az": "Bitib: {titles}", "ru": "Закончилось: {titles}"},
    "changed_over_by": {
        "en": "Over by now at the latest (the texts give no exact end): {titles}",
        "az": "Ən gec indiyədək bitib (mətnlər dəqiq sonunu göstərmir): {titles}",
        "ru": "Закончилось не позднее этого часа (точный конец в текстах не указан): {titles}",
    },
    "changed_nothing": {
        "en": "Nothing in the evidence sets this step apart from the one before: the texts give no finer time.",
        "az": "Mənbələrdə bu addımı əvvəlkindən fərqləndirən heç nə yoxdur: mətnlər daha dəqiq vaxt göstərmir.",
        "ru": "Ничто в источниках не отличает этот шаг от предыдущего: более точного времени тексты не дают.",
    },
    # --- when, by source; who says it ---------------------------------------
    "when_by_source": {"en": "When, as each source puts it", "az": "Nə vaxt: hər mənbənin ifadəsi ilə", "ru": "Когда: по словам каждого источника"},
    "when_reference": {"en": "Public references", "az": "Açıq mənbələr", "ru": "Открытые источники"},
    "when_not_said": {"en": "says nothing about when", "az": "vaxt barədə heç nə demir", "ru": "о времени ничего не говорит"},
    "speaker_quoted": {"en": "{speaker}, {role}, quoted by {source}", "az": "{speaker}, {role}; sitatı gətirən: {source}", "ru": "{speaker}, {role}, цитата по {source}"},
    "speaker_reported": {"en": "{speaker}, {role}, as reported by {source}", "az": "{speaker}, {role}; çatdıran: {source}", "ru": "{speaker}, {role}, в изложении {source}"},
    "on_authority": {"en": "on the authority of “{authority}”", "az": "istinad: “{authority}”", "ru": "со ссылкой на «{authority}»"},
    "no_authority": {"en": "no authority given", "az": "istinad göstərilmir", "ru": "без ссылки на источник данных"},
    "coordinates_estimated": {
        "en": "Position estimated, not read off a map: {ref}",
        "az": "Yer təxmini göstərilib, xəritədən götürülməyib: {ref}",
        "ru": "Положение оценено приблизительно, а не взято с карты: {ref}",
    },
    "known_to_hour": {"en": "Known to the hour", "az": "Saat dəqiqliyi ilə", "ru": "Известно до часа"},
    "approximate_window": {"en": "Approximate or date-only window", "az": "Təxmini və ya yalnız tarixli aralıq", "ru": "Приблизительный интервал или только дата"},
    "fading_window": {
        "en": "Fading: the texts give no end (or start), or only bound it",
        "az": "Solğunlaşan: mətnlər sonunu (və ya başlanğıcını) göstərmir, yaxud yalnız həddini verir",
        "ru": "Бледнеющая часть: конец (или начало) в текстах не указан или лишь ограничен",
    },
    "backed_single": {"en": "a single source", "az": "tək mənbə", "ru": "один источник"},
    "backed_many": {"en": "{count} sources", "az": "{count} mənbə", "ru": "источников: {count}"},
    "backed_by": {"en": "backed by", "az": "təsdiqləyir", "ru": "подтверждает"},
    # --- categories (timeline lanes) ----------------------------------------
    "category_background": {"en": "Background and protest", "az": "Fon və etiraz", "ru": "Предыстория и протест"},
    "category_information": {"en": "Information blockade", "az": "İnformasiya blokadası", "ru": "Информационная блокада"},
    "category_military": {"en": "Troops", "az": "Qoşunlar", "ru": "Войска"},
    "category_violence": {"en": "Violence", "az": "Zorakılıq", "ru": "Насилие"},
    "category_casualties": {"en": "Figures claimed", "az": "İddia olunan rəqəmlər", "ru": "Заявленные цифры"},
    "category_political": {"en": "Political response", "az": "Siyasi reaksiya", "ru": "Политическая реакция"},
    "category_mourning": {"en": "Mourning", "az": "Matəm", "ru": "Траур"},
    "category_memory": {"en": "Aftermath and memory", "az": "Nəticələr və xatirə", "ru": "Последствия и память"},
    # --- link notices -------------------------------------------------------
    "bad_range": {"en": "Ignored the range '{value}' in the link: it is not one of {known}.", "az": "Keçiddəki '{value}' dövrü nəzərə alınmadı: o, {known} siyahısında yoxdur.", "ru": "Период '{value}' из ссылки пропущен: допустимы {known}."},
    "bad_time": {"en": "Ignored the time '{value}' in the link: expected a Baku time like 1990-01-20T02:00.", "az": "Keçiddəki '{value}' vaxtı nəzərə alınmadı: 1990-01-20T02:00 kimi Bakı vaxtı gözlənilirdi.", "ru": "Время '{value}' из ссылки пропущено: ожидалось бакинское время вида 1990-01-20T02:00."},
    "time_outside_range": {"en": "The time '{value}' in the link lies outside the chosen range; showing its nearest step.", "az": "Keçiddəki '{value}' vaxtı seçilmiş dövrdən kənardadır; ən yaxın addım göstərilir.", "ru": "Время '{value}' из ссылки вне выбранного периода; показан ближайший шаг."},
    "bad_place": {"en": "Ignored the place '{value}' in the link: there is no such place.", "az": "Keçiddəki '{value}' yeri nəzərə alınmadı: belə yer yoxdur.", "ru": "Место '{value}' из ссылки пропущено: такого места нет."},
    "bad_event": {"en": "Ignored the event '{value}' in the link: there is no such event.", "az": "Keçiddəki '{value}' hadisəsi nəzərə alınmadı: belə hadisə yoxdur.", "ru": "Событие '{value}' из ссылки пропущено: такого события нет."},
    "bad_narrative": {"en": "Ignored the narrative '{value}' in the link: there is no such narrative.", "az": "Keçiddəki '{value}' hekayəsi nəzərə alınmadı: belə hekayə yoxdur.", "ru": "Рассказ '{value}' из ссылки пропущен: такого рассказа нет."},
    "bad_step": {"en": "Ignored the step '{value}' in the link: this narrative has steps 0 (title) to {count}.", "az": "Keçiddəki '{value}' addımı nəzərə alınmadı: bu hekayədə 0 (başlıq) ilə {count} arası addımlar var.", "ru": "Шаг '{value}' из ссылки пропущен: в этом рассказе шаги от 0 (титул) до {count}."},
    "bad_measure": {"en": "Ignored the measure '{value}' in the link: there is no such measure.", "az": "Keçiddəki '{value}' göstəricisi nəzərə alınmadı: belə göstərici yoxdur.", "ru": "Показатель '{value}' из ссылки пропущен: такого показателя нет."},
    "bad_source": {"en": "Ignored the source '{value}' in the link: there is no such source.", "az": "Keçiddəki '{value}' mənbəyi nəzərə alınmadı: belə mənbə yoxdur.", "ru": "Источник '{value}' из ссылки пропущен: такого источника нет."},
    "bad_passage": {"en": "Ignored the passage number '{value}' in the link.", "az": "Keçiddəki '{value}' parça nömrəsi nəzərə alınmadı.", "ru": "Номер цитаты '{value}' из ссылки пропущен."},
})

MESSAGES.update({
    # --- Chronology -------------------------------------------------------------
    "chronology_title": {"en": "Chronology", "az": "Xronologiya", "ru": "Хронология"},
    "chronology_intro": {
        "en": "Every event of the catalogue in one plain table, in time order, with its places and sources. Rows marked “now” are those at the time chosen here or on the Explore page; the two stay in step.",
        "az": "Kataloqun bütün hadisələri bir sadə cədvəldə, zaman sırası ilə, yerləri və mənbələri ilə. “İndi” işarəli sətirlər burada və ya Araşdır səhifəsində seçilmiş vaxta aid olanlardır; ikisi həmişə uyğundur.",
        "ru": "Все события каталога в одной простой таблице, по времени, с местами и источниками. Строки с отметкой «сейчас» относятся к времени, выбранному здесь или на странице «Обзор»; они всегда совпадают.",
    },
    "table_caption": {
        "en": "{count} events; {now} at {time}",
        "az": "{count} hadisə; {time} üçün {now}",
        "ru": "Событий: {count}; в {time}: {now}",
    },
    "col_now": {"en": "Now", "az": "İndi", "ru": "Сейчас"},
    "col_when": {"en": "When (Baku time)", "az": "Nə vaxt (Bakı vaxtı)", "ru": "Когда (время Баку)"},
    "col_event": {"en": "Event", "az": "Hadisə", "ru": "Событие"},
    "col_places": {"en": "Places", "az": "Yerlər", "ru": "Места"},
    "col_sources": {"en": "Sources", "az": "Mənbələr", "ru": "Источники"},
    "col_precision": {"en": "Precision", "az": "Dəqiqlik", "ru": "Точность"},
    "now_marker": {"en": "now", "az": "indi", "ru": "сейчас"},
})

MESSAGES.update({
    "metres": {"en": "{value} m", "az": "{value} m", "ru": "{value} м"},
    "kilometres": {"en": "{value} km", "az": "{value} km", "ru": "{value} км"},
    "distance_from": {"en": "{distance} from {place}", "az": "{place}: {distance}", "ru": "{distance} от места «{place}»"},
    "baku": {"en": "Baku", "az": "Bakı", "ru": "Баку"},
})

MESSAGES.update({
    # --- Sources ------------------------------------------------------------------
    "sources_title": {"en": "Sources", "az": "Mənbələr", "ru": "Источники"},
    "sources_intro": {
        "en": "The five published texts the catalogue quotes, as the app ships them. Highlighted passages are cited by an event; hover one to see which. They are commemorative, analytical and opinion pieces and disagree on figures: read each as its author's account.",
        "az": "Kataloqun sitat gətirdiyi beş dərc olunmuş mətn, tətbiqdə olduğu kimi. İşarələnmiş parçalara hadisələr istinad edir; hansı olduğunu görmək üçün üzərinə gəlin. Bunlar xatirə, təhlil və rəy yazılarıdır və rəqəmlərdə fərqlənirlər: hər birini müəllifinin baxışı kimi oxuyun.",
        "ru": "Пять опубликованных текстов, которые цитирует каталог, в том виде, в каком их содержит приложение. Выделенные фрагменты цитируются событиями; наведите, чтобы увидеть какими. Это памятные, аналитические и публицистические материалы, и их цифры расходятся: читайте каждый как позицию автора.",
    },
    "source": {"en": "Source", "az": "Mənbə", "ru": "Источник"},
    "fact_publisher": {"en": "Publisher", "az": "Nəşr edən", "ru": "Издатель"},
    "fact_published": {"en": "Published", "az": "Dərc tarixi", "ru": "Опубликовано"},
    "fact_date_note": {"en": "Date note", "az": "Tarix qeydi", "ru": "О дате"},
    "fact_byline": {"en": "Byline", "az": "Müəllif", "ru": "Автор"},
    "fact_genre": {"en": "Kind of text", "az": "Mətnin növü", "ru": "Жанр"},
    "fact_language": {"en": "Language", "az": "Dil", "ru": "Язык"},
    "fact_trimmed": {"en": "Trimmed from the page", "az": "Səhifədən çıxarılıb", "ru": "Убрано со страницы"},
    "not_stated": {"en": "not stated", "az": "göstərilməyib", "ru": "не указано"},
    "original_page": {"en": "Original page", "az": "Orijinal səhifə", "ru": "Исходная страница"},
    "address_unknown": {"en": "The original address is unknown.", "az": "Orijinal ünvan məlum deyil.", "ru": "Исходный адрес неизвестен."},
    "profile": {"en": "Profile", "az": "Profil", "ru": "Профиль"},
    "written_after": {
        "en": {"one": "Written {count} year after January 1990.", "other": "Written {count} years after January 1990."},
        "az": "1990-cı ilin yanvarından {count} il sonra yazılıb.",
        "ru": {"one": "Написан через {count} год после января 1990 года.", "few": "Написан через {count} года после января 1990 года.", "many": "Написан через {count} лет после января 1990 года."},
    },
    "date_unknown": {
        "en": "Its date is not stated, so how long after the events it was written is unknown.",
        "az": "Tarixi göstərilməyib, ona görə hadisələrdən nə qədər sonra yazıldığı məlum deyil.",
        "ru": "Дата не указана, поэтому неизвестно, сколько времени спустя после событий он написан.",
    },
    "backs_events": {
        "en": "Backs {count} of {total} events ({span}): {categories}.",
        "az": "{total} hadisədən {count}-ni təsdiqləyir ({span}): {categories}.",
        "ru": "Подтверждает {count} из {total} событий ({span}): {categories}.",
    },
    "backs_none": {"en": "Backs no event of the catalogue.", "az": "Kataloqun heç bir hadisəsini təsdiqləmir.", "ru": "Не подтверждает ни одного события каталога."},
    "states_figures": {
        "en": {"one": "States {count} figure (see Figures).", "other": "States {count} figures (see Figures)."},
        "az": "{count} rəqəm göstərir (bax: Rəqəmlər).",
        "ru": {"one": "Приводит {count} цифру (см. «Цифры»).", "few": "Приводит {count} цифры (см. «Цифры»).", "many": "Приводит {count} цифр (см. «Цифры»)."},
    },
    "alone_backs": {"en": "Alone among the five, it backs:", "az": "Beş mənbədən yalnız bu təsdiqləyir:", "ru": "Единственный из пяти подтверждает:"},
    "figures_only_here": {"en": "Figures no other source states:", "az": "Başqa mənbənin göstərmədiyi rəqəmlər:", "ru": "Цифры, которых нет в других источниках:"},
    "cited_by": {
        "en": {"one": "Cited by {count} event", "other": "Cited by {count} events"},
        "az": "{count} hadisədə istinad olunur",
        "ru": {"one": "Цитируется в {count} событии", "few": "Цитируется в {count} событиях", "many": "Цитируется в {count} событиях"},
    },
    "passage_cited_for": {"en": "Passage cited for:", "az": "Parça bu hadisə üçün gətirilib:", "ru": "Цитата для события:"},
    "highlighted_below": {"en": "Highlighted in red below.", "az": "Aşağıda qırmızı ilə işarələnib.", "ru": "Выделено красным ниже."},
    "back_to_event": {"en": "Back to the event", "az": "Hadisəyə qayıt", "ru": "Назад к событию"},
})

MESSAGES.update({
    "measure_killed": {"en": "People killed", "az": "Həlak olanlar", "ru": "Погибшие"},
    "measure_wounded": {"en": "People wounded", "az": "Yaralananlar", "ru": "Раненые"},
    "measure_detained": {"en": "People detained or arrested", "az": "Saxlanılan və ya həbs edilənlər", "ru": "Задержанные или арестованные"},
    "measure_missing": {"en": "People missing", "az": "İtkin düşənlər", "ru": "Пропавшие без вести"},
    "measure_troops": {"en": "Troops deployed", "az": "Yeridilən qoşunlar", "ru": "Введённые войска"},
    "measure_tanks": {"en": "Tanks and armoured vehicles", "az": "Tanklar və zirehli texnika", "ru": "Танки и бронетехника"},
    "measure_expelled": {"en": "Azerbaijanis expelled from Armenia", "az": "Ermənistandan qovulan azərbaycanlılar", "ru": "Азербайджанцы, изгнанные из Армении"},
    "measure_rally-crowd": {"en": "People at rallies and protests", "az": "Mitinq və etirazlarda iştirakçılar", "ru": "Участники митингов и протестов"},
    "measure_funeral-crowd": {"en": "People at the funerals", "az": "Dəfn mərasimində iştirakçılar", "ru": "Участники похорон"},
    "measure_commemoration-crowd": {"en": "People at the yearly commemoration", "az": "İllik anım mərasimində iştirakçılar", "ru": "Участники ежегодного поминовения"},
    "measure_pogrom-killed": {"en": "People killed in the January pogroms", "az": "Yanvar poqromlarında öldürülənlər", "ru": "Убитые в январских погромах"},
})

MESSAGES.update({
    # --- Figures: the spread line -----------------------------------------------
    "spread_none": {"en": "No source gives a figure.", "az": "Heç bir mənbə rəqəm vermir.", "ru": "Ни один источник не приводит цифр."},
    "spread_no_number": {"en": "No source gives a number.", "az": "Heç bir mənbə ədəd vermir.", "ru": "Ни один источник не приводит числа."},
    "spread_in_words": {"en": "In words only: {claims}.", "az": "Yalnız sözlə: {claims}.", "ru": "Только словами: {claims}."},
    "spread_only": {"en": "Only one source gives a number: {claim}.", "az": "Yalnız bir mənbə ədəd verir: {claim}.", "ru": "Число приводит только один источник: {claim}."},
    "spread_same": {
        "en": "The numbers stated all come to {value}: {claims}.",
        "az": "Göstərilən bütün ədədlər {value} təşkil edir: {claims}.",
        "ru": "Все приведённые числа равны {value}: {claims}.",
    },
    "spread_range": {
        "en": "Numbers stated run from {low} ({low_claim}) to {high} ({high_claim}){percent}.",
        "az": "Göstərilən ədədlər {low} ({low_claim}) ilə {high} ({high_claim}) arasındadır{percent}.",
        "ru": "Приведённые числа — от {low} ({low_claim}) до {high} ({high_claim}){percent}.",
    },
    "spread_percent": {
        "en": "; the highest is {percent}% above the lowest",
        "az": "; ən böyüyü ən kiçikdən {percent}% çoxdur",
        "ru": "; наибольшее на {percent}% больше наименьшего",
    },
    "spread_bounds": {
        "en": "Some are lower bounds (“more than”, “at least”).",
        "az": "Bəziləri aşağı həddir (“-dən çox”, “ən azı”).",
        "ru": "Некоторые — нижние границы («более», «не менее»).",
    },
})

MESSAGES.update({
    # --- Figures page -----------------------------------------------------------------
    "figures_title": {"en": "Figures: what each source claims", "az": "Rəqəmlər: hər mənbə nə iddia edir", "ru": "Цифры: что утверждает каждый источник"},
    "figures_intro": {
        "en": "Every count the five texts give, each in its own words. Nothing is averaged or merged: the sources are partisan and disagree, and a figure here is a claim by the source named beside it, not a finding.",
        "az": "Beş mətnin verdiyi bütün saylar, hər biri öz sözləri ilə. Heç nə ortalanmır və birləşdirilmir: mənbələr tərəfli və bir-biri ilə razılaşmır, buradakı rəqəm yanında adı çəkilən mənbənin iddiasıdır, nəticə deyil.",
        "ru": "Все числа, которые приводят пять текстов, каждое в собственной формулировке. Ничего не усредняется и не объединяется: источники пристрастны и расходятся, а цифра здесь — утверждение названного рядом источника, а не установленный факт.",
    },
    "no_claims": {"en": "The catalogue has no numeric claims yet: add them to data/claims.yaml.", "az": "Kataloqda hələ rəqəmli iddia yoxdur: onları data/claims.yaml faylına əlavə edin.", "ru": "В каталоге пока нет числовых утверждений: добавьте их в data/claims.yaml."},
    "what_is_counted": {"en": "What is counted", "az": "Nə sayılır", "ru": "Что подсчитано"},
    "chart_key": {
        "en": "A dot is a stated figure; a bar joins the ends of a range; a dotted line runs on from a lower bound (“more than”, “at least”, or words such as “thousands”, placed at the least they can mean). Hover a dot for the passage.",
        "az": "Nöqtə göstərilən rəqəmdir; zolaq aralığın uclarını birləşdirir; nöqtəli xətt aşağı həddən davam edir (“-dən çox”, “ən azı” və ya “minlərlə” kimi sözlər, ən az mənası ilə yerləşdirilib). Parça üçün nöqtənin üzərinə gəlin.",
        "ru": "Точка — приведённая цифра; полоса соединяет концы диапазона; пунктир продолжается от нижней границы («более», «не менее» или слова вроде «тысячи», поставленные по наименьшему значению). Наведите на точку, чтобы увидеть цитату.",
    },
    "number_stated": {"en": "number stated", "az": "göstərilən ədəd", "ru": "приведённое число"},
    "log_scale": {"en": " (log scale)", "az": " (loqarifmik şkala)", "ru": " (логарифмическая шкала)"},
    "col_source": {"en": "Source", "az": "Mənbə", "ru": "Источник"},
    "col_wording": {"en": "Wording", "az": "İfadə", "ru": "Формулировка"},
    "col_speaker": {"en": "Who says it", "az": "Kim deyir", "ru": "Кто говорит"},
    "col_authority": {"en": "On whose authority", "az": "Kimə istinadən", "ru": "Со ссылкой на"},
    "col_kind": {"en": "Kind", "az": "Növ", "ru": "Вид"},
    "col_low": {"en": "Low", "az": "Aşağı", "ru": "От"},
    "col_high": {"en": "High", "az": "Yuxarı", "ru": "До"},
    "col_reading": {"en": "How we read the words", "az": "Sözləri necə oxuyuruq", "ru": "Как мы понимаем слова"},
    "col_scope": {"en": "What is counted", "az": "Nə sayılır", "ru": "Что подсчитано"},
    "col_passage": {"en": "Passage", "az": "Parça", "ru": "Цитата"},
    "coverage_title": {"en": "Which sources back each event", "az": "Hər hadisəni hansı mənbələr təsdiqləyir", "ru": "Какие источники подтверждают каждое событие"},
    "coverage_intro": {
        "en": "Each row is an event of the catalogue in time order, each column a source; a tick means the event quotes that source. An event resting on a single source is not wrong for that, but nothing else here confirms it.",
        "az": "Hər sətir kataloqun bir hadisəsidir (zaman sırası ilə), hər sütun bir mənbə; işarə hadisənin həmin mənbədən sitat gətirdiyini bildirir. Tək mənbəyə əsaslanan hadisə buna görə yanlış deyil, amma burada onu başqa heç nə təsdiqləmir.",
        "ru": "Каждая строка — событие каталога по времени, каждый столбец — источник; галочка значит, что событие цитирует этот источник. Событие с одним источником не обязательно неверно, но здесь его больше ничто не подтверждает.",
    },
    "coverage_count": {
        "en": "{count} events; {single} rest on a single source.",
        "az": "{count} hadisə; {single} hadisə tək mənbəyə əsaslanır.",
        "ru": "Событий: {count}; с одним источником: {single}.",
    },
    "only_single": {"en": "Only events resting on a single source", "az": "Yalnız tək mənbəyə əsaslanan hadisələr", "ru": "Только события с одним источником"},
    "col_count_sources": {"en": "Sources", "az": "Mənbələr", "ru": "Источники"},
    "col_count_help": {"en": "How many of the five sources back the event", "az": "Beş mənbədən neçəsi hadisəni təsdiqləyir", "ru": "Сколько из пяти источников подтверждают событие"},
    "qualifier_exact": {"en": "exact figure", "az": "dəqiq rəqəm", "ru": "точная цифра"},
    "qualifier_about": {"en": "approximate", "az": "təxmini", "ru": "приблизительно"},
    "qualifier_at-least": {"en": "at least", "az": "ən azı", "ru": "не менее"},
    "qualifier_more-than": {"en": "more than", "az": "-dən çox", "ru": "более"},
    "qualifier_up-to": {"en": "up to", "az": "-dək", "ru": "до"},
    "qualifier_range": {"en": "range", "az": "aralıq", "ru": "диапазон"},
    "qualifier_vague": {"en": "in words, no number", "az": "sözlə, ədədsiz", "ru": "словами, без числа"},
})

MESSAGES.update({
    # --- Present --------------------------------------------------------------------
    "content_note": {
        "en": "This presentation is about the killing of civilians. Its passages describe deaths, wounds, shooting and the crushing of people in cars, in the words of the published texts they are quoted from. Figures and judgements are each source's own and sometimes disagree.",
        "az": "Bu təqdimat dinc sakinlərin öldürülməsindən bəhs edir. Parçalar ölümləri, yaraları, atəşi və avtomobillərdə insanların əzilməsini sitat gətirildiyi dərc olunmuş mətnlərin sözləri ilə təsvir edir. Rəqəmlər və qiymətlər hər mənbənin özününküdür və bəzən bir-birinə uyğun gəlmir.",
        "ru": "Эта презентация рассказывает об убийстве мирных жителей. Цитаты описывают гибель, ранения, стрельбу и людей, раздавленных в автомобилях, словами опубликованных текстов, из которых они взяты. Цифры и оценки принадлежат каждому источнику и иногда расходятся.",
    },
    "content_note_short": {"en": "These passages describe the killing of civilians.", "az": "Bu parçalar dinc sakinlərin öldürülməsini təsvir edir.", "ru": "Эти цитаты описывают убийство мирных жителей."},
    "content_note_label": {"en": "Content note.", "az": "Məzmun barədə qeyd.", "ru": "Предупреждение о содержании."},
    "narrative": {"en": "Narrative", "az": "Hekayə", "ru": "Рассказ"},
    "previous": {"en": "Previous", "az": "Əvvəlki", "ru": "Назад"},
    "next": {"en": "Next", "az": "Növbəti", "ru": "Далее"},
    "previous_step": {"en": "Previous step", "az": "Əvvəlki addım", "ru": "Предыдущий шаг"},
    "next_step": {"en": "Next step", "az": "Növbəti addım", "ru": "Следующий шаг"},
    "step": {"en": "Step", "az": "Addım", "ru": "Шаг"},
    "title_slide": {"en": "Title", "az": "Başlıq", "ru": "Титул"},
    "step_of": {"en": "{n} of {count}: {title}", "az": "{n} / {count}: {title}", "ru": "{n} из {count}: {title}"},
    "step_n_of": {"en": "step {n} of {count}", "az": "addım {n} / {count}", "ru": "шаг {n} из {count}"},
    "begin_hint": {
        "en": {"one": "{count} step. Press **Next** or the → key to begin; ← goes back.", "other": "{count} steps. Press **Next** or the → key to begin; ← goes back."},
        "az": "{count} addım. Başlamaq üçün **Növbəti** düyməsini və ya → düyməsini basın; ← geri qaytarır.",
        "ru": {"one": "{count} шаг. Нажмите **Далее** или клавишу →, чтобы начать; ← — назад.", "few": "{count} шага. Нажмите **Далее** или клавишу →, чтобы начать; ← — назад.", "many": "{count} шагов. Нажмите **Далее** или клавишу →, чтобы начать; ← — назад."},
    },
    "slide_map_alt": {
        "en": "Map of Baku: the places of this step in red, of earlier steps in grey",
        "az": "Bakı xəritəsi: bu addımın yerləri qırmızı, əvvəlki addımlarınkı boz",
        "ru": "Карта Баку: места этого шага красные, прежних шагов серые",
    },
    "slide_away": {"en": "This step: {places}, outside the map of Baku", "az": "Bu addım: {places}, Bakı xəritəsindən kənarda", "ru": "Этот шаг: {places}, за пределами карты Баку"},
    "slide_key": {"en": ":red[●] this step · :gray[●] earlier steps", "az": ":red[●] bu addım · :gray[●] əvvəlki addımlar", "ru": ":red[●] этот шаг · :gray[●] прежние шаги"},
    "read_in_source": {"en": "Read it in the source", "az": "Mənbədə oxuyun", "ru": "Читать в источнике"},
    "teachers_note": {"en": "Teacher's note", "az": "Müəllim üçün qeyd", "ru": "Заметка для учителя"},
    "slide_this_step": {"en": "this step", "az": "bu addım", "ru": "этот шаг"},
    "slide_earlier_step": {"en": "an earlier step", "az": "əvvəlki addım", "ru": "прежний шаг"},
    "chronology_narrative": {"en": "Black January: the whole chronology", "az": "Qara Yanvar: bütün xronologiya", "ru": "Чёрный январь: вся хронология"},
})

MESSAGES.update({
    # --- downloads --------------------------------------------------------------------
    "download_title": {"en": "Download the data", "az": "Məlumatları yükləyin", "ru": "Скачать данные"},
    "download_intro": {
        "en": "The whole catalogue, with every passage, in formats other tools open: GeoJSON for a map (QGIS, geojson.io), TimelineJS for Knight Lab's timeline, CSV for a spreadsheet (one row per passage, UTF-8).",
        "az": "Bütün kataloq, bütün parçalarla, başqa alətlərin açdığı formatlarda: xəritə üçün GeoJSON (QGIS, geojson.io), Knight Lab zaman xətti üçün TimelineJS, cədvəl üçün CSV (hər parça bir sətir, UTF-8).",
        "ru": "Весь каталог со всеми цитатами в форматах, которые открывают другие программы: GeoJSON для карты (QGIS, geojson.io), TimelineJS для шкалы времени Knight Lab, CSV для таблицы (одна строка на цитату, UTF-8).",
    },
    "download_geojson": {"en": "Places (GeoJSON)", "az": "Yerlər (GeoJSON)", "ru": "Места (GeoJSON)"},
    "download_timelinejs": {"en": "Timeline (TimelineJS)", "az": "Zaman xətti (TimelineJS)", "ru": "Шкала времени (TimelineJS)"},
    "download_csv": {"en": "Passages (CSV)", "az": "Parçalar (CSV)", "ru": "Цитаты (CSV)"},
    "download_slides": {"en": "Slides for offline use (HTML)", "az": "Oflayn slaydlar (HTML)", "ru": "Слайды для работы без интернета (HTML)"},
    "download_slides_help": {
        "en": "One file with this narrative's slides, maps and timeline; it opens in a browser with no internet and prints to A4.",
        "az": "Bu hekayənin slaydları, xəritələri və zaman xətti olan bir fayl; internetsiz brauzerdə açılır və A4-də çap olunur.",
        "ru": "Один файл со слайдами, картами и шкалой времени этого рассказа; открывается в браузере без интернета и печатается на A4.",
    },
})
