//! The worker's answers to the text and distribution views' requests.
