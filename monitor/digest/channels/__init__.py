"""Delivery channels: each ``deliver`` returns a one-line description or raises DeliveryError."""
