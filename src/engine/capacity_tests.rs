//! Capacity engine tests: weeks computed by hand.

use super::*;
