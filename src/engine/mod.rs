//! Pure computations over a plan. Nothing here touches the browser or the
//! clock: "today" is always passed in.

mod availability;
pub mod book;
pub mod capacity;
pub mod checkin;
pub mod health;
pub mod hiring;
pub mod money;
pub mod priority;
pub mod raci;
pub mod risks;
pub mod skills;
pub mod validate;
pub mod week;
