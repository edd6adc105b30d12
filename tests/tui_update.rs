//! `update` without a terminal: scrolling keeps the columns level, `]c`/`]m` land on the next
//! difference, filters and search narrow what is shown, `r` re-compares against the focused
//! outlet, stale background results are dropped, and `q`/Esc go back before quitting.

mod tui_common;

use std::sync::Arc;

use parallax::model::Status;
use parallax::tui::app::{StatusFilter, View};
use parallax::tui::message::{Command, Message};
use parallax::tui::update::update;
use ratatui::crossterm::event::KeyCode;
use tui_common::*;

#[test]
fn matched_paragraphs_stand_level_and_scroll_together() {
    let mut app = fixture_app(120, 40, true);
    let level = |app: &parallax::tui::app::App| {
        let buffer = draw(app);
        let reference = find(&buffer, "The city transport office");
        let other = find(&buffer, "At least 60 workers");
        (reference.map(|p| p.1), other.map(|p| p.1))
    };
    let (a, b) = level(&app);
    assert!(a.is_some() && a == b, "{a:?} {b:?}");
    type_keys(&mut app, "jjj");
    update(&mut app, ctrl('d'));
    for _ in 0..6 {
        let (a, b) = level(&app);
        assert_eq!(a, b, "rows stay level at scroll {}", app.side.scroll);
        type_keys(&mut app, "k");
    }
}

#[test]
fn every_row_is_as_tall_as_its_tallest_cell() {
    let app = fixture_app(100, 30, true);
    for row in &app.side.layout.rows {
        let tallest = row.cells.iter().map(Vec::len).max().unwrap();
        assert_eq!(row.height, tallest + 1);
        for (cell, slot) in row.cells.iter().zip(&app.side.layout.columns) {
            for line in cell {
                assert!(line.width() < slot.width as usize, "{line}");
            }
        }
    }
}

#[test]
fn next_difference_lands_on_the_next_row_that_differs() {
    let mut app = fixture_app(120, 40, true);
    let rows = app.side.layout.rows.clone();
    let differs: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| !app.index.group_flags[r.group].is_same())
        .map(|(i, _)| i)
        .collect();
    assert!(differs.len() >= 2, "the fixture has differences");
    type_keys(&mut app, "]c");
    let first_after_top = differs.iter().find(|&&r| r > 0).unwrap();
    assert_eq!(app.side.cursor, rows[*first_after_top].top);
    type_keys(&mut app, "]c");
    let second = differs.iter().find(|&&r| r > *first_after_top).unwrap();
    assert_eq!(app.side.cursor, rows[*second].top);
    type_keys(&mut app, "[c");
    assert_eq!(app.side.cursor, rows[*first_after_top].top);
    // n without a search is the next difference too.
    type_keys(&mut app, "n");
    assert_eq!(app.side.cursor, rows[*second].top);
}

#[test]
fn next_missing_lands_on_a_row_with_something_left_out() {
    let mut app = fixture_app(120, 40, true);
    type_keys(&mut app, "]m");
    let row = app.side.layout.row_at(app.side.cursor).unwrap();
    let group = app.side.layout.rows[row].group;
    assert!(app.index.group_flags[group].missing);
    for earlier in &app.side.layout.rows[1..row] {
        assert!(!app.index.group_flags[earlier.group].missing);
    }
}

#[test]
fn a_half_page_moves_the_view_and_bottom_reaches_the_last_line() {
    let mut app = fixture_app(80, 24, true);
    update(&mut app, ctrl('d'));
    assert!(app.side.cursor > 0);
    type_keys(&mut app, "G");
    assert_eq!(app.side.cursor, app.side.layout.total - 1);
    assert!(app.side.scroll + app.side_rows_height() >= app.side.layout.total);
    type_keys(&mut app, "g");
    assert_eq!((app.side.cursor, app.side.scroll), (0, 0));
}

#[test]
fn filters_show_only_what_they_name() {
    let mut app = fixture_app(120, 40, true);
    let all_rows = app.side.layout.rows.len();
    type_keys(&mut app, "f");
    assert_eq!(app.filter, StatusFilter::Differences);
    assert!(app.side.layout.rows.len() <= all_rows);
    assert!(
        app.side
            .layout
            .rows
            .iter()
            .all(|r| !app.index.group_flags[r.group].is_same())
    );
    type_keys(&mut app, "f");
    assert_eq!(app.filter, StatusFilter::Missing);
    assert!(app.side.layout.rows.len() < all_rows);
    assert!(
        app.side
            .layout
            .rows
            .iter()
            .all(|r| app.index.group_flags[r.group].missing)
    );
    type_keys(&mut app, "2");
    let comparison = app.comparison.clone().unwrap();
    let shown = app.shown_claims();
    assert!(!shown.is_empty());
    for c in &shown {
        let claim = &comparison.claims[*c];
        assert!(claim.statuses.values().any(|s| s.status == Status::Missing));
    }
    // Only claims with a conflicting change: the classes come first.
    type_keys(&mut app, "ffF");
    assert_eq!(app.filter, StatusFilter::All);
    assert!(!app.shown_claims().is_empty());
    for c in app.shown_claims() {
        let has_conflict = comparison.claims[c]
            .statuses
            .values()
            .flat_map(|s| &s.changes)
            .any(|ch| ch.class == parallax::model::ChangeClass::Conflict);
        assert!(has_conflict, "{}", comparison.claims[c].text);
    }
    // Only claims with a changed number, after the three classes.
    type_keys(&mut app, "FFF");
    for c in app.shown_claims() {
        let has_number = comparison.claims[c]
            .statuses
            .values()
            .flat_map(|s| &s.changes)
            .any(|ch| ch.kind == parallax::model::ChangeKind::Number);
        assert!(has_number, "{}", comparison.claims[c].text);
    }
}

#[test]
fn the_focused_outlet_becomes_the_reference() {
    let mut app = fixture_app(120, 40, true);
    assert_eq!(
        app.focus, 1,
        "the first outlet after the reference is focused"
    );
    let commands = type_keys(&mut app, "r");
    let [
        Command::Recompare {
            generation,
            loaded,
            reference,
        },
    ] = commands.as_slice()
    else {
        panic!("expected a re-comparison, got {commands:?}");
    };
    assert_eq!(reference, "riverpost");
    assert!(app.busy.is_some());
    let comparison = fixture_comparison("riverpost");
    update(
        &mut app,
        Message::Compared {
            generation: *generation,
            loaded: Arc::clone(loaded),
            comparison: Some(Box::new(comparison)),
            partial: false,
        },
    );
    let comparison = app.comparison.as_ref().unwrap();
    assert_eq!(comparison.reference, "riverpost");
    assert_eq!(
        comparison.outlets[app.focus].id, "riverpost",
        "focus follows the outlet"
    );
    assert!(app.busy.is_none());
    let buffer = draw(&app);
    assert!(find(&buffer, "River Post (reference)").is_some());
}

#[test]
fn stale_results_are_dropped() {
    let mut app = fixture_app(120, 40, true);
    let (_, loaded) = fixture_loaded();
    let old = app.generation;
    type_keys(&mut app, "R");
    assert_eq!(app.generation, old + 1);
    update(
        &mut app,
        Message::Compared {
            generation: old,
            loaded: Arc::new(loaded),
            comparison: Some(Box::new(fixture_comparison("coastdaily"))),
            partial: false,
        },
    );
    assert_eq!(app.comparison.as_ref().unwrap().reference, "gazette");
    assert!(app.busy.is_some(), "still waiting for the newer request");
}

#[test]
fn search_highlights_and_jumps_to_matches() {
    let mut app = fixture_app(120, 40, true);
    type_keys(&mut app, "/");
    assert!(app.search.editing);
    type_keys(&mut app, "ferry");
    update(&mut app, key(KeyCode::Enter));
    assert!(!app.search.editing);
    let row = app.side.layout.row_at(app.side.cursor).unwrap();
    assert!(app.side.layout.rows[row].matches);
    let buffer = draw(&app);
    let (x, y) = find(&buffer, "ferry").unwrap();
    assert_eq!(buffer[(x, y)].bg, parallax::tui::theme::YELLOW);
    // Esc leaves the search, q then quits.
    update(&mut app, key(KeyCode::Esc));
    assert!(app.search.query.is_empty());
    assert!(!app.quit);
    type_keys(&mut app, "q");
    assert!(app.quit);
}

#[test]
fn search_wraps_around_the_ends_and_says_so() {
    for view in ["1", "2"] {
        let mut app = fixture_app(120, 40, true);
        type_keys(&mut app, view);
        type_keys(&mut app, "/said");
        update(&mut app, key(KeyCode::Enter));
        let place = |app: &parallax::tui::app::App| (app.side.cursor, app.claims.selected);
        let first = place(&app);
        let mut seen = vec![first];
        for _ in 0..20 {
            type_keys(&mut app, "n");
            if app.notice.as_deref() == Some("search hit BOTTOM, continuing at TOP") {
                break;
            }
            assert_eq!(app.notice, None, "view {view}");
            seen.push(place(&app));
        }
        assert_eq!(
            app.notice.as_deref(),
            Some("search hit BOTTOM, continuing at TOP"),
            "view {view}"
        );
        assert_eq!(place(&app), first, "view {view}: back at the first match");
        assert!(seen.len() > 1, "view {view}: more than one match");
        type_keys(&mut app, "N");
        assert_eq!(
            app.notice.as_deref(),
            Some("search hit TOP, continuing at BOTTOM"),
            "view {view}"
        );
        assert_eq!(
            place(&app),
            *seen.last().unwrap(),
            "view {view}: the last match"
        );
    }
}

#[test]
fn q_goes_back_to_side_by_side_before_quitting_and_help_closes_first() {
    let mut app = fixture_app(120, 40, true);
    type_keys(&mut app, "3");
    assert_eq!(app.view, View::Summary);
    type_keys(&mut app, "?");
    assert!(app.help);
    type_keys(&mut app, "q");
    assert!(!app.help && !app.quit);
    type_keys(&mut app, "q");
    assert_eq!(app.view, View::SideBySide);
    assert!(!app.quit);
    update(&mut app, key(KeyCode::Tab));
    assert_eq!(app.view, View::Claims);
    update(&mut app, key(KeyCode::BackTab));
    assert_eq!(app.view, View::SideBySide);
    type_keys(&mut app, "q");
    assert!(app.quit);
}

#[test]
fn claims_selection_scrolls_and_copy_cites_the_source() {
    let mut app = fixture_app(80, 24, true);
    type_keys(&mut app, "2");
    let count = app.shown_claims().len();
    type_keys(&mut app, "G");
    assert_eq!(app.claims.selected, count - 1);
    assert!(
        app.claims.scroll + parallax::tui::views::claims::list_rows(&app) > app.claims.selected
    );
    type_keys(&mut app, "g]c");
    let selected = app.shown_claims()[app.claims.selected];
    assert!(!app.index.claim_flags[selected].is_same());
    let commands = type_keys(&mut app, "y");
    let [Command::Copy(text)] = commands.as_slice() else {
        panic!("{commands:?}");
    };
    assert!(
        text.contains("River Post") && text.contains("river-post.txt"),
        "{text}"
    );
}

#[test]
fn focus_moves_between_outlets_and_open_asks_for_its_url() {
    let mut app = fixture_app(120, 40, true);
    type_keys(&mut app, "l");
    assert_eq!(app.focus, 2);
    type_keys(&mut app, "lll");
    assert_eq!(app.focus, 2, "focus stops at the last outlet");
    let commands = type_keys(&mut app, "o");
    assert_eq!(
        commands,
        vec![Command::OpenUrl(
            app.comparison.as_ref().unwrap().outlets[2].url.clone()
        )]
    );
    type_keys(&mut app, "hhhh");
    assert_eq!(app.focus, 0);
    assert_eq!(
        type_keys(&mut app, "e"),
        vec![Command::Export(View::SideBySide)]
    );
}

#[test]
fn columns_scroll_sideways_with_the_reference_pinned() {
    // 80 columns fit two outlets: the reference and one other.
    let mut app = fixture_app(80, 24, true);
    let shown = |app: &parallax::tui::app::App| -> Vec<usize> {
        app.side.layout.columns.iter().map(|c| c.outlet).collect()
    };
    assert_eq!(shown(&app), vec![0, 1]);
    type_keys(&mut app, "l");
    assert_eq!(shown(&app), vec![0, 2]);
    type_keys(&mut app, "h");
    assert_eq!(shown(&app), vec![0, 1]);
}

#[test]
fn resizing_clamps_the_scroll_and_keeps_the_row() {
    let mut app = fixture_app(120, 40, true);
    type_keys(&mut app, "]c]c");
    let row = app.side.layout.row_at(app.side.cursor).unwrap();
    let group = app.side.layout.rows[row].group;
    update(&mut app, Message::Resize(60, 12));
    let row = app.side.layout.row_at(app.side.cursor).unwrap();
    assert_eq!(app.side.layout.rows[row].group, group);
    for (w, h) in [(1, 1), (3, 2), (200, 50)] {
        update(&mut app, Message::Resize(w, h));
        assert!(app.side.cursor < app.side.layout.total.max(1));
        draw(&app);
    }
}

#[test]
fn pending_sequences_reset_on_an_unbound_key() {
    let mut app = fixture_app(120, 40, true);
    type_keys(&mut app, "]");
    assert_eq!(app.pending_keys.len(), 1);
    type_keys(&mut app, "x");
    assert!(app.pending_keys.is_empty());
    // `]` then `j`: the `j` still scrolls.
    type_keys(&mut app, "]j");
    assert_eq!(app.side.cursor, 1);
}

#[test]
fn terminate_quits_and_progress_is_shown_while_loading() {
    let mut app = fixture_app(120, 40, true);
    type_keys(&mut app, "R");
    let generation = app.generation;
    update(
        &mut app,
        Message::Progress {
            generation,
            event: parallax::pipeline::Progress {
                story: "harbor-bridge".into(),
                outlet: "coastdaily".into(),
                stage: parallax::pipeline::Stage::Failed {
                    error: "HTTP 404".into(),
                },
            },
        },
    );
    let buffer = draw(&app);
    assert!(
        find(&buffer, "coastdaily: failed: HTTP 404").is_some(),
        "{:#?}",
        rows(&buffer)
    );
    update(&mut app, Message::Terminate);
    assert!(app.quit);
}

#[test]
fn the_claim_detail_scrolls_and_starts_over_for_a_new_claim() {
    let mut app = fixture_app(80, 24, true);
    type_keys(&mut app, "2JJ");
    assert_eq!(app.claims.detail_scroll, 2);
    type_keys(&mut app, "K");
    assert_eq!(app.claims.detail_scroll, 1);
    type_keys(&mut app, "j");
    assert_eq!(app.claims.detail_scroll, 0);
}

#[test]
fn the_mouse_wheel_scrolls_three_lines() {
    use ratatui::crossterm::event::{KeyModifiers, MouseEvent, MouseEventKind};
    let mut app = fixture_app(120, 40, true);
    let wheel = |kind| {
        Message::Mouse(MouseEvent {
            kind,
            column: 10,
            row: 10,
            modifiers: KeyModifiers::NONE,
        })
    };
    update(&mut app, wheel(MouseEventKind::ScrollDown));
    assert_eq!(app.side.cursor, 3);
    update(&mut app, wheel(MouseEventKind::ScrollUp));
    assert_eq!(app.side.cursor, 0);
}

#[test]
fn a_failed_outlet_shows_its_error_and_the_rest_work() {
    let (config, mut loaded) = fixture_loaded();
    let mut app = fixture_app(100, 30, true);
    loaded.outlets.retain(|o| o.id != "coastdaily");
    loaded.failures.push(parallax::model::OutletFailure {
        id: "coastdaily".into(),
        url: "https://coast.example/a".into(),
        error: "HTTP 404 Not Found".into(),
    });
    let comparison = parallax::pipeline::compare_loaded(&config, loaded.clone(), "gazette");
    let commands = type_keys(&mut app, "R");
    let [Command::Load { generation, .. }] = commands.as_slice() else {
        panic!("{commands:?}");
    };
    update(
        &mut app,
        Message::Compared {
            generation: *generation,
            loaded: Arc::new(loaded),
            comparison: Some(Box::new(comparison)),
            partial: false,
        },
    );
    let screen = rows(&draw(&app)).join("\n");
    assert!(
        screen.contains("coastdaily: failed: HTTP 404 Not Found"),
        "{screen}"
    );
    assert!(
        screen.contains("River Post"),
        "the others are shown:\n{screen}"
    );
    type_keys(&mut app, "3G");
    let screen = rows(&draw(&app)).join("\n");
    assert!(
        screen.contains("✗ coastdaily (https://coast.example/a): HTTP 404 Not Found"),
        "{screen}"
    );
}

#[test]
fn export_writes_into_the_export_directory_and_names_every_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = fixture_app(80, 24, true);
    app.export_dir = dir.path().join("exports");
    let commands = type_keys(&mut app, "e");
    let [Command::Export(view)] = commands.as_slice() else {
        panic!("{commands:?}");
    };
    let files = parallax::tui::export::export_files(&app, *view);
    let message = parallax::tui::effects::write_exports(&files);
    let shown = std::fs::canonicalize(dir.path().join("exports")).unwrap();
    assert!(
        message.ends_with(&format!(" in {}", shown.display())),
        "{message}"
    );
    let stem = format!("parallax-{}-side-by-side", app.story);
    assert!(
        message.starts_with(&format!("wrote {stem}.{{md,json,html}} in ")),
        "{message}"
    );
    for extension in ["md", "json", "html"] {
        let name = format!("{stem}.{extension}");
        assert!(shown.join(&name).is_file(), "{name} written");
    }
}

#[test]
fn fetch_again_shows_each_outlet_going_and_then_the_outcome() {
    use parallax::pipeline::{Origin, Progress, Stage};
    let mut app = fixture_app(120, 40, true);
    let mut loaded = (**app.loaded.as_ref().unwrap()).clone();
    let commands = type_keys(&mut app, "R");
    let [
        Command::Load {
            generation,
            refresh: true,
            ..
        },
    ] = commands.as_slice()
    else {
        panic!("{commands:?}");
    };
    let generation = *generation;
    let first = loaded.outlets[0].id.clone();
    // A local file is read, not waited for.
    app.local_outlets = vec![loaded.outlets[1].id.clone()];
    let buffer = draw(&app);
    let second = &loaded.outlets[1].id;
    assert!(
        find(&buffer, &format!("{second}: reading the file…")).is_some(),
        "{:#?}",
        rows(&buffer)
    );
    update(
        &mut app,
        Message::Progress {
            generation,
            event: Progress {
                story: loaded.story.clone(),
                outlet: first.clone(),
                stage: Stage::Extracting,
            },
        },
    );
    let buffer = draw(&app);
    assert!(
        find(&buffer, &format!("{first}: extracting")).is_some(),
        "{:#?}",
        rows(&buffer)
    );
    let origins = [Origin::New, Origin::Unchanged];
    for (report, origin) in loaded.reports.iter_mut().zip(origins.iter().cycle()) {
        report.origin = Some(*origin);
    }
    let failed = loaded.outlets.pop().unwrap();
    loaded.reports.retain(|r| r.outlet != failed.id);
    loaded.failures.push(parallax::model::OutletFailure {
        id: failed.id.clone(),
        url: String::new(),
        error: "HTTP 503".into(),
    });
    update(
        &mut app,
        Message::Compared {
            generation,
            loaded: Arc::new(loaded),
            comparison: None,
            partial: false,
        },
    );
    assert_eq!(
        app.notice.as_deref(),
        Some(
            format!(
                "fetched again: 1 new version, 1 unchanged, 1 failed ({})",
                failed.id
            )
            .as_str()
        ),
        "{:?}",
        app.progress
    );
}

#[test]
fn copy_in_side_by_side_takes_the_claim_under_the_cursor() {
    let mut app = demo_app(80, 24, true);
    while app.comparison.as_ref().unwrap().outlets[app.focus].id != "clearsky" {
        type_keys(&mut app, "l");
    }
    let copied = |app: &mut parallax::tui::app::App| {
        let commands = type_keys(app, "y");
        let [Command::Copy(text)] = commands.as_slice() else {
            panic!("{commands:?}");
        };
        text.clone()
    };
    // The first row opens with Clear Sky's headline (two lines and a blank one).
    assert!(
        copied(&mut app).starts_with("“Beijing’s Blueprint"),
        "the headline"
    );
    type_keys(&mut app, "jjj");
    assert!(
        copied(&mut app).starts_with("“Leaked documents"),
        "the first claim"
    );
    // Clear Sky's first paragraph is two claims; the second starts on its eighth line.
    type_keys(&mut app, "jjjjjj");
    assert!(
        copied(&mut app).starts_with("“Leaked documents"),
        "still the first"
    );
    type_keys(&mut app, "j");
    let text = copied(&mut app);
    assert!(text.starts_with("“The projects were drawn up"), "{text}");
    assert!(text.contains("Clear Sky Daily"), "{text}");
}

#[test]
fn local_inputs_read_as_files_while_loading_and_urls_wait() {
    use parallax::config::{ArticleSource, Story, StoryArticle};
    use parallax::tui::app::App;
    use parallax::tui::event_loop::local_outlets;
    use parallax::tui::keymap::Keymap;
    use parallax::tui::theme::Theme;
    let story = Story {
        id: "diff".into(),
        title: "Ad hoc".into(),
        reference: None,
        articles: vec![
            StoryArticle {
                outlet: "first".into(),
                source: ArticleSource::Path("first.txt".into()),
            },
            StoryArticle {
                outlet: "site".into(),
                source: ArticleSource::Url("https://site.example/a".into()),
            },
        ],
        sample: false,
    };
    assert_eq!(local_outlets(&story), ["first"]);
    let ids = ["first".to_string(), "site".to_string()];
    let mut app = App::new("diff", "Ad hoc", &ids, Theme::new(false), Keymap::default());
    app.local_outlets = local_outlets(&story);
    update(&mut app, Message::Resize(100, 30));
    parallax::tui::update::start(&mut app);
    let buffer = draw(&app);
    assert!(
        find(&buffer, "first: reading the file…").is_some(),
        "{:#?}",
        rows(&buffer)
    );
    assert!(
        find(&buffer, "first: waiting").is_none(),
        "{:#?}",
        rows(&buffer)
    );
    assert!(
        find(&buffer, "site: waiting").is_some(),
        "{:#?}",
        rows(&buffer)
    );
}
