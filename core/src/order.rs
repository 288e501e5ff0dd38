//! The typed order for Rust callers; `check`/`prepare` work on its JSON form so
//! the rules stay in one place.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::{Options, Report};

/// A `POST /v1/domain` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Order {
    pub domain_owner_firstname: String,
    pub domain_owner_lastname: String,
    pub company_name: String,
    pub address: String,
    pub city: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    pub country: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zipcode: Option<String>,
    pub phone_number: String,
    pub email_service_provider: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_type: Option<String>,
    pub domains: Vec<Domain>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_replacement: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_free_order: Option<bool>,
}

/// One domain to buy with its mailboxes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Domain {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redirect_url: Option<String>,
    pub mailboxes: Vec<Mailbox>,
}

/// One mailbox on a domain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Mailbox {
    pub firstname: String,
    pub lastname: String,
    pub email: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile_pic_id: Option<u64>,
}

impl Order {
    /// The JSON body this order serializes to.
    pub fn to_value(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }

    /// [`crate::check`] on this order.
    pub fn check(&self, options: &Options) -> Report {
        crate::check(&self.to_value(), options)
    }

    /// [`crate::prepare`] on this order; [`Report::typed_order`] gives the result typed.
    pub fn prepare(&self, options: &Options) -> Report {
        crate::prepare(&self.to_value(), options)
    }
}

impl Report {
    /// The prepared order as an [`Order`], when it has that shape.
    pub fn typed_order(&self) -> Option<Order> {
        self.order.as_ref().and_then(|v| Order::deserialize(v).ok())
    }
}
